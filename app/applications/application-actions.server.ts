import { db, enqueue, services } from "../services.server";
import { notFound } from "../auth/guards.server";
import { redirectWithFlash } from "../components/actions.server";
import { invalidForm, refused } from "../components/intent-forms.server";
import { refreshDraft, saveSupportingStatement, submitApplication, teacherAct } from "./applications.server";
import { replyToEmployer } from "./pipeline.server";
import { fieldErrorsOf, messageSchema, supportingStatementSchema, withdrawSchema } from "./schemas";

const context = () => ({ appUrl: services().config.appUrl, enqueue: enqueue() });

/** The teacher's forms on one application: refresh, statement, send, withdraw, answer an offer, reply. */
export async function applicationFromForm(request: Request, formData: FormData, userId: string, applicationId: string) {
  const intent = String(formData.get("intent") ?? "");
  const back = `/applications/${applicationId}`;
  const input = Object.fromEntries(formData);
  const done = (message: string) => redirectWithFlash(request, back, { kind: "success", message });
  switch (intent) {
    case "refresh": {
      const outcome = await refreshDraft(db(), userId, applicationId);
      return outcome.ok ? done("The application now matches your profile.") : refused(intent, outcome, formData);
    }
    case "statement": {
      const parsed = supportingStatementSchema.safeParse(input);
      if (!parsed.success) return invalidForm(intent, fieldErrorsOf(parsed.error), formData);
      const outcome = await saveSupportingStatement(db(), userId, applicationId, parsed.data.supportingStatement);
      return outcome.ok ? done("Saved. Send the application when you are ready.") : refused(intent, outcome, formData);
    }
    case "submit": {
      const outcome = await submitApplication(db(), userId, applicationId, context());
      return outcome.ok
        ? done("Application sent. A receipt is on its way to your e-mail.")
        : refused(intent, outcome, formData);
    }
    case "withdraw": {
      const parsed = withdrawSchema.safeParse(input);
      if (!parsed.success) return invalidForm(intent, fieldErrorsOf(parsed.error), formData);
      const outcome = await teacherAct(db(), userId, applicationId, "withdraw", context(), parsed.data.reason || null);
      return outcome.ok ? done("Application withdrawn.") : refused(intent, outcome, formData);
    }
    case "accept":
    case "decline": {
      const outcome = await teacherAct(db(), userId, applicationId, intent, context());
      return outcome.ok
        ? done(intent === "accept" ? "Offer accepted. The employer will be in touch." : "Offer declined.")
        : refused(intent, outcome, formData);
    }
    case "reply": {
      const parsed = messageSchema.safeParse(input);
      if (!parsed.success) return invalidForm(intent, fieldErrorsOf(parsed.error), formData);
      const outcome = await replyToEmployer(db(), userId, applicationId, parsed.data.body);
      return outcome.ok ? done("Message sent.") : refused(intent, outcome, formData);
    }
    default:
      throw notFound();
  }
}
