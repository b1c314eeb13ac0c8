import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { currentUser, notFound } from "../auth/guards.server";
import { publicRound } from "../pool/access.server";
import { memberIdFor } from "../pool/apply.server";
import { roundIsOpen } from "../pool/rounds";
import { roundSchools } from "../pool/rounds.server";
import { db } from "../services.server";
import { formatLondonDate, londonToday } from "../vocabulary/london-time";
import { phaseLabels, type Phase } from "../vocabulary/options";
import { poolRoleLabels, screeningStepLabels, type PoolRole, type ScreeningStep } from "../vocabulary/pool";
import { subjectLabel } from "../vocabulary/subjects";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.round.name ?? "Teacher pool"} – Staffroom` },
  { name: "description", content: data ? `Apply once to ${data.round.partnershipName}'s teacher pool.` : "" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const round = await publicRound(db(), params.roundId ?? "");
  if (!round) throw notFound();
  const signedIn = await currentUser(request);
  const [schools, memberId] = await Promise.all([
    roundSchools(db(), round.id),
    signedIn ? memberIdFor(db(), signedIn.user.id, round.id) : null,
  ]);
  return json({
    round,
    schools,
    memberId,
    signedIn: Boolean(signedIn),
    open: roundIsOpen(round, londonToday(new Date())),
  });
}

const day = (d: string) => formatLondonDate(`${d}T12:00:00Z`);

export default function PoolRound() {
  const { round, schools, memberId, signedIn, open } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/pool">The teacher pool</Link>
      </p>
      <h1>{round.name}</h1>
      <p>
        Run by {round.partnershipName}. {phaseLabels[round.phase as Phase] ?? round.phase}; for{" "}
        {round.roles.map((r) => poolRoleLabels[r as PoolRole].toLowerCase()).join(", ")}.
      </p>
      {round.description ? <p className="prose">{round.description}</p> : null}
      <dl className="summary">
        <dt>Open</dt>
        <dd>
          {round.closesOn
            ? `From ${day(round.opensOn)} to ${day(round.closesOn)}`
            : `Always open (since ${day(round.opensOn)})`}
        </dd>
        <dt>Subjects</dt>
        <dd>{round.subjects.length === 0 ? "Any" : round.subjects.map(subjectLabel).join(", ")}</dd>
        <dt>How the panel screens</dt>
        <dd>{round.steps.map((s) => screeningStepLabels[s as ScreeningStep]).join(", then ")}</dd>
        <dt>Schools taking part</dt>
        <dd>{schools.length === 0 ? "To be announced" : schools.map((s) => s.name).join(", ")}</dd>
      </dl>
      <p>
        You apply once, with your Staffroom profile. Everyone who applies gets an answer at each step; if you are not
        taken into the pool this time, the panel says why. You choose whether the schools can see your profile, and you
        can hide it from any school or trust.
      </p>
      {memberId ? (
        <p>
          <Link to="/pool/mine" className="button">
            See your application
          </Link>
        </p>
      ) : open ? (
        signedIn ? (
          <Form method="post" action={`/pool/rounds/${round.id}/apply`}>
            <input type="hidden" name="intent" value="start" />
            <button type="submit" className="button">
              Apply to this round
            </button>
          </Form>
        ) : (
          <p>
            <Link to={`/sign-in?redirectTo=${encodeURIComponent(`/pool/rounds/${round.id}`)}`}>Sign in</Link> or{" "}
            <Link to="/sign-up">create an account</Link> to apply.
          </p>
        )
      ) : (
        <p>This round is not taking applications now.</p>
      )}
      <p>
        <Link to={`/pool/rounds/${round.id}/outcomes`}>How this round is going: its outcomes, in the open</Link>
      </p>
    </>
  );
}
