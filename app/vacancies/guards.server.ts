import { redirect } from "@remix-run/node";
import { db } from "../services.server";
import { forbidden, notFound, requireUser } from "../auth/guards.server";
import { postingContexts } from "./access.server";
import { findInvolvedVacancy, findManagedVacancy } from "./records.server";
import { involvement } from "./shares.server";

/** A signed-in user who holds an HR role somewhere; anyone else is told they have no access. */
export async function requireHr(request: Request) {
  const signedIn = await requireUser(request);
  const contexts = await postingContexts(db(), signedIn.user.id);
  if (contexts.length === 0) throw forbidden("Only HR staff can manage vacancies");
  return { ...signedIn, contexts };
}

const isId = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

/**
 * The vacancy, if this HR user manages it. The HR of a school that takes a share of it (another employer's) may read
 * it but not change it: a page is sent to the read-only view, a change is refused (403). Anyone else gets a 404,
 * whether or not it exists.
 */
export async function requireManagedVacancy(request: Request, vacancyId: string | undefined) {
  const hr = await requireHr(request);
  const id = vacancyId ?? "";
  const vacancy = isId(id) ? await findManagedVacancy(db(), hr.user.id, id) : null;
  if (!vacancy) {
    if (isId(id) && (await involvement(db(), hr.user.id, id)) === "partner") {
      if (request.method === "GET" || request.method === "HEAD") throw redirect(`/hr/vacancies/${id}/share`);
      throw forbidden(
        "Only the employing organisation's HR can change this vacancy: you can confirm or decline your school's share",
      );
    }
    throw notFound();
  }
  return { ...hr, vacancy };
}

/** The vacancy, if this HR user manages it or answers for a share of it; otherwise a 404. */
export async function requireInvolvedVacancy(request: Request, vacancyId: string | undefined) {
  const hr = await requireHr(request);
  const id = vacancyId ?? "";
  const vacancy = isId(id) ? await findInvolvedVacancy(db(), hr.user.id, id) : null;
  if (!vacancy) throw notFound();
  const access = (await involvement(db(), hr.user.id, id)) ?? "partner";
  return { ...hr, vacancy, access };
}
