import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../auth/guards.server";
import type { FormReply } from "../components/intent-forms.server";
import { FORM_FAILED } from "../components/error-summary";
import { Pagination } from "../components/pagination";
import { fieldErrorsOf } from "../forms/outcome";
import { actingSchool, hrSchoolsInRound, roundHeading } from "../pool/matching/access.server";
import { PoolSearchForm } from "../pool/matching/components/search-form";
import { searchSchema } from "../pool/matching/schemas";
import { CANDIDATE_LIMIT, searchPool, type RankedCandidate } from "../pool/matching/search.server";
import { matchStateLabels, type MatchState } from "../vocabulary/pool";
import { db } from "../services.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data && FORM_FAILED in data ? "Error: " : ""}Search the pool: ${data?.round.name ?? "pool"} – Staffroom`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const roundId = params.roundId ?? "";
  const schools = await hrSchoolsInRound(db(), user.id, roundId);
  const round = await roundHeading(db(), roundId);
  if (schools.length === 0 || !round) throw notFound();
  const url = new URL(request.url);
  const values = Object.fromEntries(url.searchParams);
  const choices = schools.map((s) => ({ id: s.id, name: s.name }));
  const parsed = searchSchema.safeParse(values);
  const refusal = (fieldErrors: Record<string, string[]>) =>
    json(
      {
        [FORM_FAILED]: true as const,
        round,
        schools: choices,
        values,
        school: null,
        reply: { intent: "search", message: "Check the search", fieldErrors, values } satisfies FormReply,
        total: 0,
        page: 1,
        pages: 1,
        results: [] as RankedCandidate[],
        limit: CANDIDATE_LIMIT,
      },
      { status: 400 },
    );
  if (!parsed.success) return refusal(fieldErrorsOf(parsed.error));
  const school = actingSchool(schools, parsed.data.school);
  if (!school) return refusal({ school: ["Choose one of your schools"] });
  const found = await searchPool(db(), roundId, school, parsed.data);
  return json({
    round,
    schools: choices,
    values,
    school: { id: school.id, name: school.name },
    reply: null as FormReply | null,
    ...found,
    limit: CANDIDATE_LIMIT,
  });
}

export default function PoolSearch() {
  const data = useLoaderData<typeof loader>();
  const { round, schools, values, school, results, total, page, pages, limit } = data;
  const memberLink = (id: string) => `/pool/rounds/${round.id}/members/${id}${school ? `?school=${school.id}` : ""}`;
  return (
    <>
      <p>
        <Link to="/pool/matches">Your conversations with pool members</Link>
      </p>
      <h1>Search the pool: {round.name}</h1>
      <p>
        Teachers the {round.partnershipName} panel has pooled and who agreed to be shown to its schools. Every profile
        you open is logged.
      </p>
      <PoolSearchForm schools={schools} values={values} reply={data.reply ?? undefined} />
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">
          {total === 0
            ? "No members match"
            : `${total === limit ? "The nearest " : ""}${total} ${total === 1 ? "member matches" : "members match"}${school ? ` for ${school.name}` : ""}, best fit first`}
        </h2>
        {total === limit ? (
          <p>
            Only the {limit.toLocaleString("en-GB")} nearest members who match are ranked: set a distance or another
            filter to rank the others.
          </p>
        ) : null}
        {results.length > 0 ? (
          <ol className="results" start={(page - 1) * 20 + 1}>
            {results.map((m) => (
              <li key={m.id}>
                <h3>
                  <Link to={memberLink(m.id)}>{m.name}</Link>
                </h3>
                {m.matchState ? <p>Your conversation: {matchStateLabels[m.matchState as MatchState]}</p> : null}
                <ul>
                  {m.fit.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        ) : null}
        <Pagination
          page={page}
          pages={pages}
          search={new URLSearchParams(values)}
          hash="results-heading"
          label="Result pages"
        />
      </section>
    </>
  );
}
