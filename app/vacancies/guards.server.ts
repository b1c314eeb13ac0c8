import { db } from "../services.server";
import { forbidden, notFound, requireUser } from "../auth/guards.server";
import { postingContexts } from "./access.server";
import { findManagedVacancy } from "./records.server";

/** A signed-in user who holds an HR role somewhere; anyone else is told they have no access. */
export async function requireHr(request: Request) {
  const signedIn = await requireUser(request);
  const contexts = await postingContexts(db(), signedIn.user.id);
  if (contexts.length === 0) throw forbidden("Only HR staff can manage vacancies");
  return { ...signedIn, contexts };
}

/** The vacancy, if this HR user manages it; otherwise a 404, whether or not it exists. */
export async function requireManagedVacancy(request: Request, vacancyId: string | undefined) {
  const hr = await requireHr(request);
  const id = vacancyId ?? "";
  const vacancy = /^[0-9a-f-]{36}$/i.test(id) ? await findManagedVacancy(db(), hr.user.id, id) : null;
  if (!vacancy) throw notFound();
  return { ...hr, vacancy };
}
