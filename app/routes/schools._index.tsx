import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "../forms/zod";
import { db } from "../services.server";
import { Pagination } from "../components/pagination";
import { SchoolMap } from "../components/school-map";
import { directoryFacets, schoolPoints, searchSchools } from "../schools/queries.server";
import { stripControlCharacters } from "../text/control-characters";
import { phaseInWords } from "../schools/describe";
import { ScrollRegion } from "../components/scroll-region";

export const meta: MetaFunction = () => [{ title: "Schools – Staffroom" }];

const PAGE_SIZE = 25;
const MAP_LIMIT = 2000;
// Hostile or stale query strings are coerced to something sensible, never a 500.
const query = z.object({
  // Control characters go; an overlong search is cut (not dropped, which would list every school).
  q: z
    .string()
    .transform((v) => stripControlCharacters(v).trim().slice(0, 100))
    .optional()
    .catch(undefined),
  la: z
    .string()
    .regex(/^\d{3}$/)
    .optional()
    .catch(undefined),
  phase: z.string().trim().max(40).optional().catch(undefined),
  view: z.enum(["list", "map"]).catch("list"),
  page: z.coerce.number().int().min(1).max(2000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const q = query.parse(Object.fromEntries(url.searchParams));
  const filters = { q: q.q || undefined, la: q.la, phase: q.phase || undefined };
  const [result, facets, points] = await Promise.all([
    searchSchools(db(), { ...filters, page: q.page, pageSize: PAGE_SIZE }),
    directoryFacets(db()),
    q.view === "map" ? schoolPoints(db(), filters, MAP_LIMIT) : Promise.resolve([]),
  ]);
  return json({ ...result, facets, points, query: q, search: url.searchParams.toString(), pageSize: PAGE_SIZE });
}

export default function SchoolsDirectory() {
  const { rows, total, facets, points, query, search, pageSize } = useLoaderData<typeof loader>();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const otherView = new URLSearchParams(search);
  otherView.set("view", query.view === "map" ? "list" : "map");
  otherView.delete("page");
  const firstPage = new URLSearchParams(search);
  firstPage.delete("page");
  return (
    <>
      <h1>Schools</h1>
      <Form method="get" className="filters panel" role="search">
        <div className="field">
          <label htmlFor="q">School name, town or postcode</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="la">Local authority</label>
          <select id="la" name="la" defaultValue={query.la ?? ""}>
            <option value="">Any</option>
            {facets.localAuthorities.map((la) => (
              <option key={la.value} value={la.value}>
                {la.label} ({la.count})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="phase">Phase</label>
          <select id="phase" name="phase" defaultValue={query.phase ?? ""}>
            <option value="">Any</option>
            {facets.phases.map((p) => (
              <option key={p.value} value={p.value}>
                {phaseInWords(p.value) ?? "No phase (special schools and others)"} ({p.count})
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="view" value={query.view} />
        <button type="submit" className="button">
          Search
        </button>
      </Form>
      <p>
        {total} school{total === 1 ? "" : "s"}.{" "}
        <Link to={`?${otherView}`}>{query.view === "map" ? "Show as a list" : "Show on a map"}</Link>
      </p>
      {query.view === "map" ? (
        <SchoolMap
          title={
            points.length === total
              ? `Map of ${total} schools`
              : `Map of ${points.length} schools (of ${total} found; at most ${MAP_LIMIT} are drawn, and only schools with a location)`
          }
          points={points.map((p) => ({ id: String(p.urn), label: p.name, lat: p.lat, lng: p.lng }))}
        />
      ) : null}
      {rows.length === 0 && total > 0 ? (
        <p>
          There is no page {query.page} of these results. <Link to={`?${firstPage}`}>Go to the first page</Link>.
        </p>
      ) : rows.length === 0 ? (
        <p>No schools match. Try fewer words, or another local authority.</p>
      ) : (
        <ScrollRegion label={"Schools"}>
          <table>
            <caption className="visually-hidden">Schools</caption>
            <thead>
              <tr>
                <th scope="col">School</th>
                <th scope="col">Phase</th>
                <th scope="col">Town</th>
                <th scope="col">Local authority</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/schools/${s.urn}`}>{s.name}</Link>
                  </td>
                  <td>{phaseInWords(s.phase) ?? ""}</td>
                  <td>{s.town ?? ""}</td>
                  <td>{s.laName}</td>
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
