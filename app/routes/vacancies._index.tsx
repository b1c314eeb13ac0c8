import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { db, services } from "../services.server";
import { Pagination } from "../components/pagination";
import { SchoolMap } from "../components/school-map";
import { SaveAlert } from "../alerts/components/save-alert";
import { ResultList, Suggestions } from "../vacancy-search/components/results";
import { SearchForm } from "../vacancy-search/components/search-form";
import {
  activeFilterLabels,
  availableSorts,
  describeSearch,
  MAX_PAGE,
  parseSearchQuery,
  searchQueryString,
  type SearchPageQuery,
} from "../vacancy-search/query";
import { runSearch, trustNamesFor } from "../vacancy-search/search.server";
import { currentUser } from "../auth/guards.server";
import { keepPage } from "../kept-pages/keep";
import { placeExamples, placeHint, placeNotFoundMessage } from "../places/examples.server";
import { countOf, nounFor } from "../text/plural";
import { ErrorSummary } from "../components/error-summary";
import { NAVIGATION_FOCUS } from "../components/route-focus";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title:
      data && data.outcome
        ? `${countOf(data.outcome.total, "vacancy", "vacancies")}: ${data.summary} – Staffroom`
        : `${data && Object.keys(data.errors).length > 0 ? "Error: " : ""}Find a teaching job – Staffroom`,
  },
  {
    name: "description",
    content: "Search every teaching and school vacancy in the area: subject, phase, distance, pay and more.",
  },
];

/** The query as the canonical URL has it: sorts that do not apply are dropped, so links stay tidy. */
function canonical(query: SearchPageQuery): string {
  return searchQueryString({
    ...query,
    sort: query.sort && availableSorts(query).includes(query.sort) ? query.sort : null,
  });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const now = new Date();
  const url = new URL(request.url);
  const { query, errors, mapped } = parseSearchQuery(url.searchParams);
  const user = await currentUser(request);
  const alertQuery = searchQueryString({ ...query, page: 1, view: "list", sort: null });
  const examples = await placeExamples(db());
  const base = { query, mapped, signedIn: Boolean(user), alertQuery, locationHint: placeHint(examples) };
  if (Object.keys(errors).length === 0) {
    // A form submitted without JavaScript sends every field, empty or not: one tidy, shareable URL instead.
    const tidy = canonical(query);
    if (tidy !== url.searchParams.toString()) throw redirect(`/vacancies${tidy ? `?${tidy}` : ""}`);
  }
  if (query.filters.trust && !(await trustNamesFor(db(), [query.filters.trust]))[query.filters.trust]) {
    errors.trust = "That is not a trust Staffroom knows. Choose one from the list.";
  }
  if (Object.keys(errors).length > 0) {
    return json({ ...base, errors, outcome: null, summary: describeSearch(query) }, { status: 400 });
  }
  const outcome = await runSearch(db(), services().search, query, now);
  if (outcome.kind === "place-not-found") {
    const message = placeNotFoundMessage(examples, query.location);
    return json(
      { ...base, errors: { location: message }, outcome: null, summary: describeSearch(query) },
      { status: 400 },
    );
  }
  if (!user && context.pageKeeping) {
    const until = await services().search.answersHoldUntil(now);
    if (until !== null) keepPage(context, { until });
  }
  return json({ ...base, errors, outcome, summary: describeSearch(query, outcome.trustNames) });
}

export default function VacancySearch() {
  const { query, errors, outcome, mapped, signedIn, alertQuery, summary, locationHint } =
    useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/vacancies";
  const errorList = Object.entries<string>(errors);
  const pages = outcome ? Math.min(MAX_PAGE, Math.max(1, Math.ceil(outcome.total / outcome.pageSize))) : 1;
  const from = outcome?.place ? query.location : "";
  const here = outcome?.place ?? null;
  const otherView = searchQueryString(query, { view: query.view === "map" ? "list" : "map", page: 1 });
  return (
    <>
      <h1>Find a teaching job</h1>
      <ErrorSummary
        id="search-errors"
        items={errorList.map(([field, message]) => ({
          message,
          href: `#${field === "radiusMiles" ? "radius" : field}`,
        }))}
        focusKey={errors}
      />
      {mapped.length > 0 ? (
        <div className="flash" role="status">
          Some choices in this link have new names: {mapped.map((m) => `${m.from} is now ${m.to}`).join("; ")}.
        </div>
      ) : null}
      <SearchForm
        query={query}
        errors={errors}
        facets={outcome?.facets ?? null}
        trustNames={outcome?.trustNames ?? {}}
        locationHint={locationHint}
      />
      <div aria-live="polite" role="status" className="results-summary">
        {searching ? (
          <p>Searching…</p>
        ) : outcome ? (
          <h2 className="results-heading" id="results" {...{ [NAVIGATION_FOCUS]: "" }} tabIndex={-1}>
            <strong>{outcome.total.toLocaleString("en-GB")}</strong> {nounFor(outcome.total, "vacancy", "vacancies")}
            {outcome.place ? ` within ${countOf(query.radiusMiles, "mile", "miles")} of ${outcome.place.label}` : ""}.
          </h2>
        ) : (
          <p>Fix the problem above to see vacancies.</p>
        )}
      </div>
      {outcome ? (
        <>
          {outcome.recognised.length + activeFilterLabels(query.filters, outcome.trustNames).length > 0 ? (
            <ul className="active-filters" aria-label="Filters in use">
              {outcome.recognised.map((f) => (
                <li key={`words-${f.field}`}>
                  <Link to={`?${searchQueryString(query, { q: f.without, page: 1 })}`}>Remove filter: {f.label}</Link>{" "}
                  <span className="hint">(from your words “{f.words}”)</span>
                </li>
              ))}
              {activeFilterLabels(query.filters, outcome.trustNames).map((f) => (
                <li key={f.field}>
                  <Link
                    to={`?${searchQueryString({ ...query, page: 1, filters: { ...query.filters, [f.field]: undefined } })}`}
                  >
                    Remove filter: {f.label}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          {outcome.relaxed ? (
            <p className="search-relaxed">
              No vacancy matches every word of “{query.q}”, so these results leave out “{outcome.relaxed.dropped}”.{" "}
              <Link to={`?${searchQueryString(query, { q: outcome.relaxed.searched, page: 1 })}`}>
                Search for “{outcome.relaxed.searched}”
              </Link>
            </p>
          ) : null}
          {outcome.total > 0 ? (
            <p>
              <Link to={`?${otherView}`}>{query.view === "map" ? "Show as a list" : "Show on a map"}</Link>
            </p>
          ) : null}
          {query.view === "map" && outcome.results.length > 0 ? (
            <SchoolMap
              title={`Map of ${countOf(outcome.results.length, "vacancy", "vacancies")}${here ? ` around ${here.label}` : ""}: each dot is the nearest school of a vacancy`}
              points={[
                ...outcome.results
                  .filter((r) => r.point)
                  .map((r) => ({ id: r.id, label: r.title, lat: r.point!.lat, lng: r.point!.lng })),
                ...(here ? [{ id: "here", label: here.label, lat: here.lat, lng: here.lng, highlight: true }] : []),
              ]}
            />
          ) : null}
          {outcome.total === 0 ? (
            <section aria-labelledby="no-results">
              <h2 id="no-results">No vacancies match</h2>
              <Suggestions suggestions={outcome.suggestions} />
            </section>
          ) : outcome.results.length === 0 ? (
            <p>
              There is no page {query.page} of these results.{" "}
              <Link to={`?${searchQueryString(query, { page: 1 })}`}>Go to the first page</Link>.
            </p>
          ) : (
            <ResultList results={outcome.results} from={from} headingLevel={3} />
          )}
          <Pagination page={query.page} pages={pages} search={searchQueryString(query)} label="Result pages" />
          <SaveAlert signedIn={signedIn} search={alertQuery} summary={summary} />
        </>
      ) : null}
    </>
  );
}
