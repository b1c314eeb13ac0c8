import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../services.server";
import { postableSchools } from "../vacancies/access.server";
import { templateCsv } from "../vacancies/csv-import/columns";
import { requireHr } from "../vacancies/guards.server";

/** The import template: the header and two example rows at the user's own schools. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireHr(request);
  const schools = await postableSchools(db(), user.id);
  return new Response(templateCsv(schools.slice(0, 2).map((s) => Number(s.urn))), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="staffroom-vacancies-template.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
