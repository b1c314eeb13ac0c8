import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { currentUser } from "../auth/guards.server";
import { myPoolApplications } from "../pool/apply.server";
import { openRounds, roundRunners, roundsForHr, roundsOnPanel } from "../pool/rounds.server";
import { db } from "../services.server";
import { formatLondonDate, londonToday } from "../vocabulary/london-time";
import { phaseLabels, type Phase } from "../vocabulary/options";
import { poolStatusLabels } from "../vocabulary/pool";

export const meta: MetaFunction = () => [
  { title: "The regional teacher pool – Staffroom" },
  {
    name: "description",
    content: "Apply once to your area's teacher pool: screened by a panel of local schools, found by all of them.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await currentUser(request);
  const rounds = await openRounds(db(), londonToday(new Date()));
  if (!signedIn) return json({ rounds, mine: [], panel: [], hr: [], admin: false, signedIn: false });
  const id = signedIn.user.id;
  const [mine, panel, hr, runners] = await Promise.all([
    myPoolApplications(db(), id),
    roundsOnPanel(db(), id),
    roundsForHr(db(), id),
    roundRunners(db(), id),
  ]);
  return json({ rounds, mine, panel, hr, admin: runners.length > 0, signedIn: true });
}

const day = (d: string) => formatLondonDate(`${d}T12:00:00Z`);

export default function Pool() {
  const { rounds, mine, panel, hr, admin, signedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>The regional teacher pool</h1>
      <p>
        Apply once to your area: a panel of local heads and HR screens every application, tells everyone the answer, and
        the schools taking part find the teachers in the pool. You choose who can see you. Each round publishes its
        outcomes. Areas also run <Link to="/fairs">recruitment fairs</Link>.
      </p>
      {mine.length > 0 ? (
        <section aria-labelledby="mine">
          <h2 id="mine">Your applications</h2>
          <ul>
            {mine.map((m) => (
              <li key={m.id}>
                {m.roundName}: {poolStatusLabels[m.status]}
              </li>
            ))}
          </ul>
          <p>
            <Link to="/pool/mine">Your pool applications</Link> ·{" "}
            <Link to="/pool/offers">Schools interested in you</Link>
          </p>
        </section>
      ) : null}
      {panel.length > 0 ? (
        <section aria-labelledby="panel">
          <h2 id="panel">Rounds you screen</h2>
          <ul>
            {panel.map((r) => (
              <li key={r.id}>
                <Link to={`/pool/rounds/${r.id}/screening`}>{r.name}</Link> ({r.counts.screening ?? 0} being screened)
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {hr.length > 0 ? (
        <section aria-labelledby="hr">
          <h2 id="hr">Find teachers in the pool</h2>
          <ul>
            {hr.map((r) => (
              <li key={r.id}>
                <Link to={`/pool/rounds/${r.id}/search`}>Search {r.name}</Link>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/pool/matches">Your school&apos;s conversations with pool members</Link>
          </p>
        </section>
      ) : null}
      {admin ? (
        <p>
          <Link to="/pool/manage">Run your partnership&apos;s pool rounds</Link>
        </p>
      ) : null}
      <h2>Rounds open now</h2>
      {rounds.length === 0 ? (
        <p>No round is taking applications now.</p>
      ) : (
        <ul>
          {rounds.map((r) => (
            <li key={r.id}>
              <Link to={`/pool/rounds/${r.id}`}>{r.name}</Link> ({r.partnershipName};{" "}
              {phaseLabels[r.phase as Phase] ?? r.phase}; {r.closesOn ? `closes ${day(r.closesOn)}` : "always open"})
            </li>
          ))}
        </ul>
      )}
      {!signedIn ? (
        <p>
          <Link to="/sign-in?redirectTo=%2Fpool">Sign in</Link> to see your applications.
        </p>
      ) : null}
    </>
  );
}
