import { redirectWithFlash } from "../components/actions.server";
import { invalidForm, refused } from "../components/intent-forms.server";
import { db, enqueue, services } from "../services.server";
import { screeningStepLabels } from "../vocabulary/pool";
import type { Round } from "./access.server";
import { savePoolApplication, setConsent, submitPoolApplication, withdrawFromPool } from "./apply.server";
import { addPanelMember, createRound, removePanelMember, setRoundSchools, updateRound } from "./rounds.server";
import {
  applicationLists,
  bookingSchema,
  cancelBookingSchema,
  feedbackSchema,
  fieldErrorsOf,
  formFields,
  panelSchema,
  poolApplicationSchema,
  removePanelSchema,
  roundLists,
  roundSchema,
  schoolsSchema,
  scoreSchema,
  slotRunSchema,
  withdrawSchema,
} from "./schemas";
import { moveOn, notThisTime, scoreCandidate } from "./screening.server";
import { addSlotRun, bookSlot, cancelBooking, removeSlot } from "./slots.server";

/**
 * The pool pages' forms: each parses its fields (400 at the field), calls its capability, and answers with the
 * refusal (400/409 at the form, 404 thrown) or a redirect with a message. Forms are named by an `intent` field.
 */

const context = () => ({ appUrl: services().config.appUrl, enqueue: enqueue() });
const fields = (formData: FormData) => Object.fromEntries(formData);
const success = (message: string) => ({ kind: "success" as const, message });

export async function createRoundFromForm(request: Request, formData: FormData, userId: string) {
  const parsed = roundSchema.safeParse(formFields(formData, roundLists));
  if (!parsed.success) return invalidForm("round", fieldErrorsOf(parsed.error), formData);
  const partnership = formData.get("partnership");
  const outcome = await createRound(db(), userId, typeof partnership === "string" ? partnership : "", parsed.data);
  if (!outcome.ok) return refused("round", outcome, formData);
  return redirectWithFlash(
    request,
    `/pool/manage/${outcome.roundId}`,
    success(`${parsed.data.name} is set up. Choose the schools taking part and the panel next.`),
  );
}

/** The round's management page: details, schools, panel, slots. Null when the form is none of them. */
export async function manageRoundAction(request: Request, formData: FormData, userId: string, round: Round) {
  const back = `/pool/manage/${round.id}`;
  switch (formData.get("intent")) {
    case "round": {
      const parsed = roundSchema.safeParse(formFields(formData, roundLists));
      if (!parsed.success) return invalidForm("round", fieldErrorsOf(parsed.error), formData);
      const outcome = await updateRound(db(), userId, round.id, parsed.data);
      if (!outcome.ok) return refused("round", outcome, formData);
      return redirectWithFlash(request, back, success("The round's details are saved."));
    }
    case "schools": {
      const parsed = schoolsSchema.safeParse(formFields(formData, ["schoolId"]));
      if (!parsed.success) return invalidForm("schools", fieldErrorsOf(parsed.error), formData);
      const outcome = await setRoundSchools(db(), userId, round.id, parsed.data.schoolId);
      if (!outcome.ok) return refused("schools", outcome, formData);
      return redirectWithFlash(
        request,
        back,
        success(`${outcome.count} school${outcome.count === 1 ? "" : "s"} take part: their HR can search the pool.`),
      );
    }
    case "panel": {
      const parsed = panelSchema.safeParse(fields(formData));
      if (!parsed.success) return invalidForm("panel", fieldErrorsOf(parsed.error), formData);
      const outcome = await addPanelMember(db(), userId, round.id, parsed.data.email);
      if (!outcome.ok) return refused("panel", outcome, formData);
      return redirectWithFlash(request, back, success(`${outcome.name} is on the panel.`));
    }
    case "remove-panel": {
      const parsed = removePanelSchema.safeParse(fields(formData));
      if (!parsed.success) return invalidForm("remove-panel", fieldErrorsOf(parsed.error), formData);
      const outcome = await removePanelMember(db(), userId, round.id, parsed.data.userId);
      if (!outcome.ok) return refused("remove-panel", outcome, formData);
      return redirectWithFlash(request, back, success("Taken off the panel."));
    }
    default:
      return slotAction(request, formData, userId, round, back);
  }
}

/** Slots are offered by the panel or an admin: the same two forms on both pages. */
export async function slotAction(request: Request, formData: FormData, userId: string, round: Round, back: string) {
  switch (formData.get("intent")) {
    case "slots": {
      const parsed = slotRunSchema.safeParse(fields(formData));
      if (!parsed.success) return invalidForm("slots", fieldErrorsOf(parsed.error), formData);
      const outcome = await addSlotRun(db(), userId, round, parsed.data);
      if (!outcome.ok) return refused("slots", outcome, formData);
      return redirectWithFlash(
        request,
        back,
        success(`${outcome.count} ${screeningStepLabels[parsed.data.step].toLowerCase()} slots added.`),
      );
    }
    case "remove-slot": {
      const slotId = formData.get("slotId");
      const outcome = await removeSlot(db(), round, typeof slotId === "string" ? slotId : "");
      if (!outcome.ok) return refused("remove-slot", outcome, formData);
      return redirectWithFlash(request, back, success("Slot removed."));
    }
    default:
      return null;
  }
}

/** The panel's forms on a candidate: scores, moving on, not this time. */
export async function screeningAction(
  request: Request,
  formData: FormData,
  userId: string,
  round: Round,
  memberId: string,
) {
  const back = `/pool/rounds/${round.id}/screening/${memberId}`;
  const fromStep = String(formData.get("step") ?? "");
  switch (formData.get("intent")) {
    case "score": {
      const parsed = scoreSchema(round.criteria).safeParse({
        scores: round.criteria.map((_, i) => formData.get(`score-${i}`) ?? undefined),
        note: formData.get("note") ?? undefined,
      });
      if (!parsed.success) return invalidForm("score", fieldErrorsOf(parsed.error), formData);
      const outcome = await scoreCandidate(db(), userId, round, memberId, { step: fromStep, ...parsed.data });
      if (!outcome.ok) return refused("score", outcome, formData);
      return redirectWithFlash(request, back, success("Your scores are saved."));
    }
    case "move-on": {
      const outcome = await moveOn(db(), context(), userId, round, memberId, fromStep);
      if (!outcome.ok) return refused("move-on", outcome, formData);
      const where = outcome.to === "pooled" ? "into the pool" : `on to: ${screeningStepLabels[outcome.to]}`;
      return redirectWithFlash(request, back, success(`Moved ${where}. The candidate has been told by e-mail.`));
    }
    case "not-this-time": {
      const parsed = feedbackSchema.safeParse(fields(formData));
      if (!parsed.success) return invalidForm("not-this-time", fieldErrorsOf(parsed.error), formData);
      const outcome = await notThisTime(db(), context(), userId, round, memberId, fromStep, parsed.data.feedback);
      if (!outcome.ok) return refused("not-this-time", outcome, formData);
      return redirectWithFlash(request, back, success("Answered: not this time. The feedback has been sent."));
    }
    default:
      return slotAction(request, formData, userId, round, `/pool/rounds/${round.id}/screening`);
  }
}

/** The teacher's forms on their application: preferences, send, consent, withdraw, slots. */
export async function applicationAction(request: Request, formData: FormData, userId: string, memberId: string) {
  const mine = "/pool/mine";
  switch (formData.get("intent")) {
    case "preferences": {
      const parsed = poolApplicationSchema.safeParse(formFields(formData, applicationLists));
      if (!parsed.success) return invalidForm("preferences", fieldErrorsOf(parsed.error), formData);
      const outcome = await savePoolApplication(db(), userId, memberId, parsed.data);
      if (!outcome.ok) return refused("preferences", outcome, formData);
      return redirectWithFlash(request, new URL(request.url).pathname, success("Your preferences are saved."));
    }
    case "submit": {
      const outcome = await submitPoolApplication(db(), context(), userId, memberId, formData.get("consent") === "yes");
      if (!outcome.ok) return refused("submit", outcome, formData);
      return redirectWithFlash(request, mine, success("Your application is sent. The panel will answer you."));
    }
    case "consent": {
      const outcome = await setConsent(db(), userId, memberId, formData.get("shown") === "yes");
      if (!outcome.ok) return refused("consent", outcome, formData);
      return redirectWithFlash(
        request,
        mine,
        success(
          formData.get("shown") === "yes"
            ? "The round's schools can now find you, for six more months."
            : "Your profile is hidden from every school, from now.",
        ),
      );
    }
    case "withdraw": {
      const parsed = withdrawSchema.safeParse(fields(formData));
      if (!parsed.success) return invalidForm("withdraw", fieldErrorsOf(parsed.error), formData);
      const outcome = await withdrawFromPool(db(), userId, memberId, parsed.data.reason);
      if (!outcome.ok) return refused("withdraw", outcome, formData);
      return redirectWithFlash(request, mine, success("You have withdrawn. Schools can no longer see you."));
    }
    case "book": {
      const parsed = bookingSchema.safeParse(fields(formData));
      if (!parsed.success) return invalidForm("book", fieldErrorsOf(parsed.error), formData);
      const outcome = await bookSlot(db(), userId, memberId, parsed.data.slotId);
      if (!outcome.ok) return refused("book", outcome, formData);
      return redirectWithFlash(request, mine, success("Booked. The time is on your pool page."));
    }
    case "cancel-booking": {
      const parsed = cancelBookingSchema.safeParse(fields(formData));
      if (!parsed.success) return invalidForm("cancel-booking", fieldErrorsOf(parsed.error), formData);
      const outcome = await cancelBooking(db(), userId, memberId, parsed.data.bookingId);
      if (!outcome.ok) return refused("cancel-booking", outcome, formData);
      return redirectWithFlash(request, mine, success("Booking cancelled."));
    }
    default:
      return null;
  }
}
