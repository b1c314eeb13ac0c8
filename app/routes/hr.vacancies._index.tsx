import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "../forms/zod";
import { db } from "../services.server";
import { Pagination } from "../components/pagination";
import { postableSchools } from "../vacancies/access.server";
import { hrDashboard } from "../vacancies/dashboard.server";
import { sharesAwaitingCount } from "../vacancies/shares.server";
import { countOf } from "../text/plural";
import { requireHr } from "../vacancies/guards.server";
import { vacancyStatuses } from "../vacancies/lifecycle";
import { formatLondon } from "../vocabulary/london-time";
import { StatusTag, statusLabels } from "../vacancies/components/status-tag";
import { ScrollRegion } from "../components/scroll-region";
import { rolesAtMySchools } from "../applications/pipeline.server";
import { keepPageForReader } from "../kept-pages/keep";

export const meta: MetaFunction = () => [{ title: "Vacancies – Staffroom" }];

const PAGE_SIZE = 25;
const query = z.object({
  status: z.enum(vacancyStatuses).optional().catch(undefined),
  school: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireHr(request);
  // Every statement below reads tables the pages' generation watches, and nothing here changes with the clock: kept
  // for this session until a write (ADR 0043). A reader reloads it to see new applications.
  keepPageForReader(context, { until: Infinity });
  const q = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [board, schoolList, sharesWaiting, rolesAtSchools] = await Promise.all([
    hrDashboard(db(), user.id, { status: q.status, schoolId: q.school, page: q.page, pageSize: PAGE_SIZE }),
    postableSchools(db(), user.id),
    sharesAwaitingCount(db(), user.id),
    rolesAtMySchools(db(), user.id),
  ]);
  return json({
    ...board,
    sharesWaiting,
    rolesAtSchools,
    query: q,
    search: new URL(request.url).searchParams.toString(),
    schools: schoolList.map((s) => ({ value: s.id, label: s.name })),
    pageSize: PAGE_SIZE,
  });
}

export default function VacancyDashboard() {
  const { rows, total, counts, query, schools, pageSize, search, sharesWaiting, rolesAtSchools } =
    useLoaderData<typeof loader>();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <h1>Vacancies</h1>
      <p>
        <Link className="button" to="/hr/vacancies/new">
          Post a new vacancy
        </Link>{" "}
        <Link to="/hr/vacancies/import">Import vacancies from a CSV file</Link>{" "}
        <Link to="/hr/vacancies/shares">Roles shared with your schools</Link>
      </p>
      {rolesAtSchools.length > 0 ? (
        <section className="panel" aria-labelledby="roles-at-schools">
          <h2 id="roles-at-schools">Applications for roles at your schools</h2>
          <p>Posted by your trust or another employer; you see who applied and take part in shortlisting.</p>
          <ul>
            {rolesAtSchools.map((r) => (
              <li key={r.id}>
                <Link to={`/hr/vacancies/${r.id}/applications`}>{r.title}</Link>: {r.applications} application
                {r.applications === 1 ? "" : "s"}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {sharesWaiting > 0 ? (
        <div className="panel">
          <p>
            Other employers share roles with your schools: <strong>{countOf(sharesWaiting, "share", "shares")}</strong>{" "}
            {sharesWaiting === 1 ? "waits" : "wait"} for your answer.{" "}
            <Link to="/hr/vacancies/shares">Confirm or decline them</Link>
          </p>
        </div>
      ) : null}
      <h2 className="visually-hidden">Counts</h2>
      <ul className="counts">
        {vacancyStatuses.map((s) => (
          <li key={s}>
            {statusLabels[s]}: <strong>{counts[s] ?? 0}</strong>
          </li>
        ))}
      </ul>
      <Form method="get" className="filters panel">
        <div className="field">
          <label htmlFor="status">State</label>
          <select id="status" name="status" defaultValue={query.status ?? ""}>
            <option value="">Any</option>
            {vacancyStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="school">School</label>
          <select id="school" name="school" defaultValue={query.school ?? ""}>
            <option value="">Any</option>
            {schools.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Filter
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>No vacancies match.</p>
      ) : (
        <ScrollRegion label={"Vacancies"}>
          <table>
            <caption>
              {total} vacanc{total === 1 ? "y" : "ies"}
            </caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Schools</th>
                <th scope="col">State</th>
                <th scope="col">Closes</th>
                <th scope="col">Applications</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => (
                <tr key={v.id}>
                  <td>
                    <Link to={`/hr/vacancies/${v.id}`}>{v.title}</Link>
                  </td>
                  <td>{v.schoolNames.join(", ") || "Not chosen yet"}</td>
                  <td>
                    <StatusTag status={v.status} />
                  </td>
                  <td>{v.closesAt ? formatLondon(v.closesAt) : "Not set"}</td>
                  <td>
                    {v.applications === null ? (
                      "Elsewhere"
                    ) : v.status === "draft" ? (
                      "In Staffroom"
                    ) : (
                      <Link to={`/hr/vacancies/${v.id}/applications`}>
                        {v.applications}
                        <span className="visually-hidden"> applications for {v.title}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Pagination page={query.page} pages={pages} search={search} />
    </>
  );
}
