import { json } from "@remix-run/node";
import { db } from "../services.server";
import { notFound } from "../auth/guards.server";
import { redirectWithFlash } from "../components/actions.server";
import { saveVacancy, unsaveVacancy } from "./saved-vacancies.server";

/** The save/unsave button on a vacancy's page (intent "save" or "unsave"): back to the page with what was done. */
export async function savedFromForm(request: Request, formData: FormData, userId: string, vacancyId: string) {
  const intent = formData.get("intent");
  const back = new URL(request.url).pathname;
  if (intent === "save") {
    if (!(await saveVacancy(db(), userId, vacancyId))) throw notFound();
    return redirectWithFlash(request, back, {
      kind: "success",
      message: "Job saved. Find it on your applications page; we will remind you the day before it closes.",
    });
  }
  if (intent === "unsave") {
    await unsaveVacancy(db(), userId, vacancyId);
    return redirectWithFlash(request, back, { kind: "success", message: "Job removed from your saved jobs." });
  }
  return json({ error: "Choose save or remove" }, { status: 400 });
}
