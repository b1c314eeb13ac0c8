import { redirectWithFlash } from "../components/actions.server";
import { invalidForm, refused } from "../components/intent-forms.server";
import { fieldErrorsOf } from "../forms/outcome";
import { db } from "../services.server";
import { sessionChoiceSchema } from "./ect-schemas";
import { bookOptional, cancelOptional } from "./enrolment.server";

/**
 * The optional-session forms an ECT and their tutor share: book a place, give one up. `back` is the page to return
 * to; the ECT is the one in the URL or the signed-in ECT, never one named by the form.
 */
export async function sessionChoiceFromForm(
  request: Request,
  formData: FormData,
  actor: { userId: string },
  ectId: string,
  back: string,
) {
  const intent = String(formData.get("intent"));
  const parsed = sessionChoiceSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidForm("book", fieldErrorsOf(parsed.error), formData);
  const now = new Date();
  if (intent === "cancel-booking") {
    const outcome = await cancelOptional(db(), actor, ectId, parsed.data.sessionId, now);
    if (!outcome.ok) return refused("book", outcome, formData);
    return redirectWithFlash(request, back, { kind: "success", message: "Place given up: it is free for others." });
  }
  const outcome = await bookOptional(db(), actor, ectId, parsed.data.sessionId, now);
  if (!outcome.ok) return refused("book", outcome, formData);
  return redirectWithFlash(request, back, { kind: "success", message: "Place booked." });
}
