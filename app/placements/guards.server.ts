import { db } from "../services.server";
import { notFound, requireUser } from "../auth/guards.server";
import { hostSchoolByUrn, providerBySlug } from "./access.server";

/** An ITT coordinator of the provider named in the URL; anyone else gets a 404. */
export async function requireCoordinator(request: Request, slug: string | undefined) {
  const signedIn = await requireUser(request);
  const provider = await providerBySlug(db(), signedIn.user.id, slug ?? "");
  if (!provider) throw notFound();
  return { ...signedIn, provider };
}

/** Someone who manages the school named in the URL (its hr or placement lead, directly or through its trust or LA); else a 404. */
export async function requireHostSchool(request: Request, urn: string | undefined) {
  const signedIn = await requireUser(request);
  const school = /^\d{1,7}$/.test(urn ?? "") ? await hostSchoolByUrn(db(), signedIn.user.id, Number(urn)) : null;
  if (!school) throw notFound();
  return { ...signedIn, school };
}
