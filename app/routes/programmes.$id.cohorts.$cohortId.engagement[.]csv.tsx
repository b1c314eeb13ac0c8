import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "../auth/guards.server";
import { managedCohort } from "../programmes/programmes.server";
import { cohortEngagementCsv } from "../programmes/register.server";
import { db } from "../services.server";

/** The cohort's engagement, one row per enrolled ECT, for the provider's evidence. Personal data: never cached. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const cohort = await managedCohort(db(), user.id, params.id ?? "", params.cohortId ?? "");
  const csv = cohort ? await cohortEngagementCsv(db(), user.id, cohort.id) : null;
  if (!cohort || csv === null) throw notFound();
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="engagement-${cohort.id}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
