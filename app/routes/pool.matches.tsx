import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../auth/guards.server";
import { roundsOfHr } from "../pool/matching/access.server";
import { matchesForHr } from "../pool/matching/matches.server";
import { db } from "../services.server";
import { formatLondon } from "../vocabulary/london-time";
import { matchStateLabels, matchStates } from "../vocabulary/pool";

export const meta: MetaFunction = () => [{ title: "Pool conversations – Staffroom" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  // HR of at least one school taking part in a round; anyone else: not found.
  const rounds = await roundsOfHr(db(), user.id);
  if (rounds.length === 0) throw notFound();
  return json({ rounds, matches: await matchesForHr(db(), user.id) });
}

export default function PoolMatches() {
  const { rounds, matches } = useLoaderData<typeof loader>();
  const byState = matchStates
    .map((state) => ({ state, rows: matches.filter((m) => m.state === state) }))
    .filter((g) => g.rows.length > 0);
  return (
    <>
      <h1>Pool conversations</h1>
      <p>Your schools&rsquo; conversations with members of the regional pool, by where they stand.</p>
      <h2>Search a pool</h2>
      <ul>
        {rounds.map((r) => (
          <li key={r.id}>
            <Link to={`/pool/rounds/${r.id}/search`}>{r.name}</Link>
          </li>
        ))}
      </ul>
      {byState.length === 0 ? <p>Your schools have not contacted anyone in the pool yet.</p> : null}
      {byState.map((g) => (
        <section key={g.state} aria-labelledby={`state-${g.state}`}>
          <h2 id={`state-${g.state}`}>
            {matchStateLabels[g.state]} ({g.rows.length})
          </h2>
          <table>
            <caption className="visually-hidden">{matchStateLabels[g.state]}</caption>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">School</th>
                <th scope="col">Pool</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {g.rows.map((m) => (
                <tr key={m.id}>
                  <td>
                    {m.findable ? (
                      <Link to={`/pool/rounds/${m.roundId}/members/${m.memberId}?school=${m.schoolId}`}>
                        {m.memberName}
                      </Link>
                    ) : (
                      m.memberName
                    )}
                  </td>
                  <td>{m.schoolName}</td>
                  <td>{m.roundName}</td>
                  <td>
                    {m.roleTitle
                      ? `Offer: ${m.roleTitle}`
                      : m.invitationAt
                        ? `Invited for ${formatLondon(m.invitationAt)}`
                        : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
