import { db, enqueue, services } from "../services.server";
import { redirectWithFlash } from "../components/actions.server";
import { invalidForm, refused } from "../components/intent-forms.server";
import {
  decideAssignmentSchema,
  fieldErrorsOf,
  proposeAssignmentSchema,
  withdrawAssignmentSchema,
} from "./assignment-schemas";
import { decideAssignment, proposeAssignment, withdrawAssignment } from "./assignments.server";

/**
 * The assignment forms' actions, for any page that shows them (the assignments page, an ECT's record): parse, call
 * the capability, then back to `back` with a message, or the form's errors with their status (a 404 is thrown).
 * Null when the submitted form is not one of them, so the page's own action can go on.
 */
export async function assignmentFromForm(request: Request, formData: FormData, userId: string, back: string) {
  const intent = formData.get("intent");
  const context = { appUrl: services().config.appUrl, enqueue: enqueue() };
  const fields = Object.fromEntries(formData);
  if (intent === "assignment-propose") {
    const parsed = proposeAssignmentSchema.safeParse(fields);
    if (!parsed.success) return invalidForm(intent, fieldErrorsOf(parsed.error), formData);
    const outcome = await proposeAssignment(db(), userId, parsed.data, context);
    if (!outcome.ok) return refused(intent, outcome, formData);
    return redirectWithFlash(request, back, {
      kind: "success",
      message: "Assignment proposed: the schools that still have to accept it have been e-mailed.",
    });
  }
  if (intent === "assignment-decide") {
    const parsed = decideAssignmentSchema.safeParse(fields);
    if (!parsed.success) return invalidForm(intent, fieldErrorsOf(parsed.error), formData);
    const { assignmentId, ...decision } = parsed.data;
    const outcome = await decideAssignment(db(), userId, assignmentId, decision, context);
    if (!outcome.ok) return refused(intent, outcome, formData);
    const message =
      outcome.status === "accepted"
        ? "Assignment accepted by both schools."
        : outcome.status === "declined"
          ? "Assignment declined: the other parties have been told why."
          : "Accepted for your school: the other school still has to accept it.";
    return redirectWithFlash(request, back, { kind: "success", message });
  }
  if (intent === "assignment-withdraw") {
    const parsed = withdrawAssignmentSchema.safeParse(fields);
    if (!parsed.success) return invalidForm(intent, fieldErrorsOf(parsed.error), formData);
    const outcome = await withdrawAssignment(db(), userId, parsed.data.assignmentId, parsed.data.reason, context);
    if (!outcome.ok) return refused(intent, outcome, formData);
    return redirectWithFlash(request, back, { kind: "success", message: "Assignment withdrawn." });
  }
  return null;
}
