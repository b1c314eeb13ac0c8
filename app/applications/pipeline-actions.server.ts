import { db, enqueue, services } from "../services.server";
import { notFound } from "../auth/guards.server";
import { redirectWithFlash } from "../components/actions.server";
import { invalidForm, refused } from "../components/intent-forms.server";
import { z } from "../forms/zod";
import { addNote, messageApplicant, moveApplications } from "./pipeline.server";
import { fieldErrorsOf, messageSchema, noteSchema, optionalText } from "./schemas";
import { employerActionLabels, employerActionNames, type EmployerAction } from "./states";

const context = () => ({ appUrl: services().config.appUrl, enqueue: enqueue() });

const moveSchema = z.object({
  action: z.enum(employerActionNames as [EmployerAction, ...EmployerAction[]], { error: "Choose what to do" }),
  message: optionalText(2000).transform((v) => (v ? v : null)),
});

const applicationIds = (formData: FormData) =>
  formData.getAll("applicationId").filter((v): v is string => typeof v === "string");

function movedMessage(action: EmployerAction, moved: number, skipped: { reference: string; reason: string }[]) {
  const done = `${employerActionLabels[action]}: ${moved} application${moved === 1 ? "" : "s"}, and each applicant told.`;
  if (skipped.length === 0) return done;
  return `${done} Not moved: ${skipped.map((s) => `${s.reference} (${s.reason})`).join("; ")}.`;
}

/** The pipeline page's one form: move the ticked applications of this vacancy, with one message for all. */
export async function bulkFromForm(request: Request, formData: FormData, userId: string, vacancyId: string) {
  if (formData.get("intent") !== "bulk") throw notFound();
  const parsed = moveSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidForm("bulk", fieldErrorsOf(parsed.error), formData);
  const ids = applicationIds(formData);
  if (ids.length === 0) return invalidForm("bulk", { applicationId: ["Tick at least one application"] }, formData);
  const outcome = await moveApplications(
    db(),
    userId,
    vacancyId,
    ids,
    parsed.data.action,
    context(),
    parsed.data.message,
  );
  if (!outcome.ok) return refused("bulk", outcome, formData);
  const back = new URL(request.url);
  return redirectWithFlash(request, `${back.pathname}${back.search}`, {
    kind: outcome.moved > 0 ? "success" : "error",
    message: movedMessage(parsed.data.action, outcome.moved, outcome.skipped),
  });
}

/** The forms on one application: move it, write a private note, message the applicant. */
export async function employerFromForm(
  request: Request,
  formData: FormData,
  userId: string,
  vacancyId: string,
  applicationId: string,
) {
  const intent = String(formData.get("intent") ?? "");
  const back = `/hr/vacancies/${vacancyId}/applications/${applicationId}`;
  const input = Object.fromEntries(formData);
  switch (intent) {
    case "move": {
      const parsed = moveSchema.safeParse(input);
      if (!parsed.success) return invalidForm(intent, fieldErrorsOf(parsed.error), formData);
      const outcome = await moveApplications(
        db(),
        userId,
        vacancyId,
        [applicationId],
        parsed.data.action,
        context(),
        parsed.data.message,
      );
      if (!outcome.ok) return refused(intent, outcome, formData);
      const skipped = outcome.skipped[0];
      if (skipped) return refused(intent, { ok: false, status: 409, message: skipped.reason }, formData);
      return redirectWithFlash(request, back, { kind: "success", message: movedMessage(parsed.data.action, 1, []) });
    }
    case "note": {
      const parsed = noteSchema.safeParse(input);
      if (!parsed.success) return invalidForm(intent, fieldErrorsOf(parsed.error), formData);
      const outcome = await addNote(db(), userId, applicationId, parsed.data.body);
      if (!outcome.ok) return refused(intent, outcome, formData);
      return redirectWithFlash(request, back, { kind: "success", message: "Note added. Only your side sees it." });
    }
    case "message": {
      const parsed = messageSchema.safeParse(input);
      if (!parsed.success) return invalidForm(intent, fieldErrorsOf(parsed.error), formData);
      const outcome = await messageApplicant(db(), userId, applicationId, parsed.data.body, context());
      if (!outcome.ok) return refused(intent, outcome, formData);
      return redirectWithFlash(request, back, { kind: "success", message: "Message sent: the applicant is e-mailed." });
    }
    default:
      return null;
  }
}
