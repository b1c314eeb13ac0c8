import { db, enqueue, services } from "../services.server";
import { redirectWithFlash } from "../components/actions.server";
import { refused } from "../components/intent-forms.server";
import { requestReferences } from "./references.server";

/**
 * The "Request references" button on the employer's application page (intent "request-references"): a redirect back
 * with what was done, or the refusal shown at the form (404 thrown for an application this user does not read).
 */
export async function referencesFromForm(request: Request, formData: FormData, userId: string, applicationId: string) {
  const outcome = await requestReferences(db(), userId, applicationId, {
    appUrl: services().config.appUrl,
    enqueue: enqueue(),
  });
  if (!outcome.ok) return refused("request-references", outcome, formData);
  return redirectWithFlash(request, new URL(request.url).pathname, {
    kind: "success",
    message: `References requested from ${outcome.requested.join(" and ")}. Each has been e-mailed a link that works once, for 14 days.`,
  });
}
