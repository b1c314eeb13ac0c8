import type { LoaderFunctionArgs } from "@remix-run/node";
import { spreadsheetCsv } from "../csv/spreadsheet";
import { db } from "../services.server";
import { notFound } from "../auth/guards.server";
import { areaOffers } from "../pay/area.server";
import { policyOf } from "../pay/assessment.server";
import { employerKinds } from "../pay/employers";
import { roleFamilies } from "../pay/families";
import { findPartnership } from "../partnerships/queries.server";

const COLUMNS = [
  "vacancy_id",
  "title",
  "school",
  "urn",
  "employer",
  "employer_kind",
  "role_family",
  "phase",
  "pay_range",
  "salary_min_fte",
  "salary_max_fte",
  "fte",
  "pay_area",
  "published_on",
  "status",
  "pay_badge",
  "flagged",
  "local_rate",
];

/** Every offer on the area's pay page, one row per offer and phase, as CSV. */
export async function loader({ params }: LoaderFunctionArgs) {
  const partnership = await findPartnership(db(), (params.slug ?? "").slice(0, 200));
  if (!partnership) throw notFound();
  const offers = await areaOffers(db(), partnership.id, await policyOf(db(), partnership.id), new Date());
  const csv = spreadsheetCsv(
    offers.map((o) => ({
      vacancy_id: o.vacancyId,
      title: o.title,
      school: o.schoolName,
      urn: o.urn,
      employer: o.employer,
      employer_kind: employerKinds[o.employerKind],
      role_family: roleFamilies[o.family].label,
      phase: o.phase,
      pay_range: o.payRange,
      salary_min_fte: o.salaryMinFte,
      salary_max_fte: o.salaryMaxFte,
      fte: o.fte,
      pay_area: o.payArea,
      published_on: o.publishedOn,
      status: o.status,
      pay_badge: o.badge ?? "",
      flagged: o.flagged ? "yes" : "no",
      local_rate: o.benchmark ?? "",
    })),
    COLUMNS,
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="staffroom-pay-${partnership.slug}.csv"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
