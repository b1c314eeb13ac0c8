import { redirectWithFlash } from "../components/actions.server";
import { invalidForm, refused } from "../components/intent-forms.server";
import { db, enqueue, services } from "../services.server";
import {
  addFacilitator,
  addStrand,
  cancelSession,
  createCohort,
  createProgramme,
  createSession,
  updateSession,
} from "./programmes.server";
import { saveRegister } from "./register.server";
import {
  cancelSchema,
  cohortSchema,
  facilitatorSchema,
  fieldErrorsOf,
  ownStrandNames,
  programmeSchema,
  registerMarksOf,
  sessionSchema,
  strandSchema,
  tickedStrands,
} from "./schemas";

/**
 * The programme pages' forms: each parses its fields (400 at the field), calls its capability, and answers with the
 * refusal (400/409 at the form, 404 thrown) or a redirect with a message. Forms are named by an `intent` field.
 */

const notifyContext = () => ({ appUrl: services().config.appUrl, enqueue: enqueue() });
const fields = (formData: FormData) => Object.fromEntries(formData);

export async function createProgrammeFromForm(request: Request, formData: FormData, userId: string) {
  const parsed = programmeSchema.safeParse(fields(formData));
  if (!parsed.success) return invalidForm("programme", fieldErrorsOf(parsed.error), formData);
  const { ownStrands, ...input } = parsed.data;
  const strands = [...tickedStrands(formData), ...ownStrandNames(ownStrands)];
  const outcome = await createProgramme(db(), userId, input, strands);
  if (!outcome.ok) return refused("programme", outcome, formData);
  return redirectWithFlash(request, `/programmes/${outcome.programmeId}`, {
    kind: "success",
    message: `${input.name} is set up. Add its cohorts and facilitators next.`,
  });
}

/** The programme page's forms: a strand, a facilitator, a cohort. Null when the form is none of them. */
export async function programmeFormAction(request: Request, formData: FormData, userId: string, programmeId: string) {
  const back = `/programmes/${programmeId}`;
  const intent = formData.get("intent");
  if (intent === "strand") {
    const parsed = strandSchema.safeParse(fields(formData));
    if (!parsed.success) return invalidForm("strand", fieldErrorsOf(parsed.error), formData);
    const outcome = await addStrand(db(), userId, programmeId, parsed.data.name);
    if (!outcome.ok) return refused("strand", outcome, formData);
    return redirectWithFlash(request, back, { kind: "success", message: `Strand added: ${parsed.data.name}.` });
  }
  if (intent === "facilitator") {
    const parsed = facilitatorSchema.safeParse(fields(formData));
    if (!parsed.success) return invalidForm("facilitator", fieldErrorsOf(parsed.error), formData);
    const outcome = await addFacilitator(db(), userId, programmeId, parsed.data.email);
    if (!outcome.ok) return refused("facilitator", outcome, formData);
    return redirectWithFlash(request, back, {
      kind: "success",
      message: `${outcome.name} is now a facilitator: they can take the registers of the programme's sessions.`,
    });
  }
  if (intent === "cohort") {
    const parsed = cohortSchema.safeParse(fields(formData));
    if (!parsed.success) return invalidForm("cohort", fieldErrorsOf(parsed.error), formData);
    const outcome = await createCohort(db(), userId, programmeId, parsed.data);
    if (!outcome.ok) return refused("cohort", outcome, formData);
    return redirectWithFlash(request, `${back}/cohorts/${outcome.cohortId}`, {
      kind: "success",
      message: "Cohort added. Add its sessions below.",
    });
  }
  return null;
}

export async function createSessionFromForm(
  request: Request,
  formData: FormData,
  userId: string,
  programmeId: string,
  cohortId: string,
) {
  const parsed = sessionSchema.safeParse(fields(formData));
  if (!parsed.success) return invalidForm("session", fieldErrorsOf(parsed.error), formData);
  const outcome = await createSession(db(), userId, programmeId, cohortId, parsed.data);
  if (!outcome.ok) return refused("session", outcome, formData);
  return redirectWithFlash(request, `/programmes/${programmeId}/cohorts/${cohortId}`, {
    kind: "success",
    message:
      outcome.booked > 0
        ? `Session added: ${outcome.booked} enrolled ECT${outcome.booked === 1 ? " is" : "s are"} booked on it.`
        : "Session added.",
  });
}

/** The session page's forms: edit (or move) and cancel. Null when the form is neither. */
export async function sessionFormAction(request: Request, formData: FormData, userId: string, sessionId: string) {
  const back = `/programmes/sessions/${sessionId}`;
  const intent = formData.get("intent");
  if (intent === "session") {
    const parsed = sessionSchema.safeParse(fields(formData));
    if (!parsed.success) return invalidForm("session", fieldErrorsOf(parsed.error), formData);
    const outcome = await updateSession(db(), notifyContext(), userId, sessionId, parsed.data);
    if (!outcome.ok) return refused("session", outcome, formData);
    return redirectWithFlash(request, back, {
      kind: "success",
      message:
        outcome.told > 0
          ? `Session updated: ${outcome.told} e-mail${outcome.told === 1 ? "" : "s"} sent to the booked ECTs and their tutors, saying what changed.`
          : "Session updated.",
    });
  }
  if (intent === "cancel") {
    const parsed = cancelSchema.safeParse(fields(formData));
    if (!parsed.success) return invalidForm("cancel", fieldErrorsOf(parsed.error), formData);
    const outcome = await cancelSession(db(), notifyContext(), userId, sessionId, parsed.data.reason);
    if (!outcome.ok) return refused("cancel", outcome, formData);
    return redirectWithFlash(request, back, {
      kind: "success",
      message: `Session cancelled: the places are freed and ${outcome.told} e-mail${outcome.told === 1 ? "" : "s"} sent.`,
    });
  }
  return null;
}

export async function saveRegisterFromForm(request: Request, formData: FormData, userId: string, sessionId: string) {
  const { marks, fieldErrors } = registerMarksOf(formData);
  if (Object.keys(fieldErrors).length > 0) return invalidForm("register", fieldErrors, formData);
  const outcome = await saveRegister(db(), userId, sessionId, marks);
  if (!outcome.ok) return refused("register", outcome, formData);
  return redirectWithFlash(request, `/programmes/sessions/${sessionId}/register`, {
    kind: "success",
    message: `Register saved: ${outcome.saved} mark${outcome.saved === 1 ? "" : "s"} recorded.`,
  });
}
