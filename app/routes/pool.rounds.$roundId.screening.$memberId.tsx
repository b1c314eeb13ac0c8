import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ProfileSummary } from "../applications/components/profile-summary";
import { notFound, requireUser } from "../auth/guards.server";
import { ErrorSummary, replyFor, TextArea } from "../components/intent-fields";
import type { FormReply } from "../components/intent-forms.server";
import { panelRound } from "../pool/access.server";
import { screeningAction } from "../pool/actions.server";
import { fullyScored, meanScores } from "../pool/screening";
import { logPanelView, panelMember } from "../pool/screening.server";
import { bookingsOf } from "../pool/slots.server";
import { db } from "../services.server";
import { formatLondon, formatLondonSpan } from "../vocabulary/london-time";
import {
  contractLabels,
  phaseLabels,
  workingPatternLabels,
  type ContractType,
  type Phase,
  type WorkingPattern,
} from "../vocabulary/options";
import {
  poolStatusLabels,
  scoreLabels,
  screeningStepLabels,
  SCORE_MAX,
  SCORE_MIN,
  yearGroupLabel,
  type ScreeningStep,
  type YearGroup,
} from "../vocabulary/pool";
import { subjectLabel } from "../vocabulary/subjects";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.member.profile.name ?? "Candidate"}: screening – Staffroom` },
];

async function load(request: Request, roundId: string | undefined, memberId: string | undefined) {
  const { user } = await requireUser(request);
  const round = await panelRound(db(), user.id, roundId ?? "");
  if (!round) throw notFound();
  const member = await panelMember(db(), user.id, round, memberId ?? "");
  if (!member) throw notFound();
  return { user, round, member };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, round, member } = await load(request, params.roundId, params.memberId);
  await logPanelView(db(), user.id, member.id);
  const bookings = await bookingsOf(db(), member.id);
  const atStep = member.scores.filter((s) => s.step === member.step);
  return json({
    round,
    member,
    bookings,
    mine: atStep.filter((s) => s.scorer === user.id),
    means: meanScores(
      round.criteria,
      atStep.map((s) => ({ ...s, scorer: s.scorer ?? "" })),
    ),
    ready: fullyScored(
      round.criteria,
      atStep.map((s) => ({ ...s, scorer: s.scorer ?? "" })),
    ),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round, member } = await load(request, params.roundId, params.memberId);
  const answer = await screeningAction(request, await request.formData(), user.id, round, member.id);
  if (!answer) throw notFound();
  return answer;
}

const list = (values: string[], label: (v: string) => string) => (values.length ? values.map(label).join(", ") : "Any");

export default function Candidate() {
  const { round, member, bookings, mine, means, ready } = useLoaderData<typeof loader>();
  const data = useActionData<FormReply>();
  const step = member.step as ScreeningStep | null;
  const scoreReply = replyFor(data, "score");
  return (
    <>
      <p>
        <Link to={`/pool/rounds/${round.id}/screening`}>All candidates: {round.name}</Link>
      </p>
      <h1>{member.profile.name}</h1>
      <p>
        <strong>{poolStatusLabels[member.status]}</strong>
        {step ? `: ${screeningStepLabels[step]}` : ""}. Sent {formatLondon(member.submittedAt)}.
      </p>
      {bookings.length > 0 ? (
        <ul>
          {bookings.map((b) => (
            <li key={b.id}>
              Booked for {screeningStepLabels[b.step].toLowerCase()}: {formatLondonSpan(b.startsAt, b.endsAt)}
            </li>
          ))}
        </ul>
      ) : null}
      {member.feedback ? (
        <>
          <h2>Feedback sent</h2>
          <p className="prose">{member.feedback}</p>
        </>
      ) : null}
      {step ? (
        <section aria-labelledby="scores" className="panel">
          <h2 id="scores">Your scores at {screeningStepLabels[step].toLowerCase()}</h2>
          <Form method="post" noValidate>
            <ErrorSummary reply={scoreReply} prefix="score" />
            <input type="hidden" name="intent" value="score" />
            <input type="hidden" name="step" value={step} />
            {round.criteria.map((criterion, i) => {
              const mineNow = mine.find((s) => s.criterion === criterion)?.score;
              return (
                <fieldset key={criterion} className="field choices choices--inline">
                  <legend>{criterion}</legend>
                  {Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, k) => k + SCORE_MIN).map((n) => (
                    <div className="choice" key={n}>
                      <input
                        type="radio"
                        id={i === 0 && n === SCORE_MIN ? "score-scores" : `score-${i}-${n}`}
                        name={`score-${i}`}
                        value={n}
                        defaultChecked={mineNow === n}
                      />
                      <label htmlFor={i === 0 && n === SCORE_MIN ? "score-scores" : `score-${i}-${n}`}>
                        {scoreLabels[n]}
                      </label>
                    </div>
                  ))}
                </fieldset>
              );
            })}
            <TextArea
              prefix="score"
              name="note"
              label="Notes (the panel reads them; the candidate does not)"
              reply={scoreReply}
              defaultValue={mine[0]?.note}
              rows={4}
            />
            <button type="submit" className="button">
              Save your scores
            </button>
          </Form>
          {means.length > 0 ? (
            <>
              <h3>The panel&apos;s mean scores at this step</h3>
              <ul>
                {means.map((m) => (
                  <li key={m.criterion}>
                    {m.criterion}: {m.mean}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h2>Decide</h2>
          {!ready ? <p>Someone on the panel must score every criterion before the candidate is answered.</p> : null}
          <Form method="post">
            <ErrorSummary reply={replyFor(data, "move-on")} prefix="move-on" />
            <input type="hidden" name="intent" value="move-on" />
            <input type="hidden" name="step" value={step} />
            <button type="submit" className="button">
              {round.steps.indexOf(step) === round.steps.length - 1
                ? "Take into the pool"
                : `Move on to ${screeningStepLabels[round.steps[round.steps.indexOf(step) + 1] as ScreeningStep].toLowerCase()}`}
            </button>
          </Form>
          <Form method="post" noValidate>
            <ErrorSummary reply={replyFor(data, "not-this-time")} prefix="not-this-time" />
            <input type="hidden" name="intent" value="not-this-time" />
            <input type="hidden" name="step" value={step} />
            <TextArea
              prefix="not-this-time"
              name="feedback"
              label="Not this time: feedback for the candidate"
              hint="They read this. Say what went well and what would make their next application stronger."
              reply={replyFor(data, "not-this-time")}
              rows={5}
            />
            <button type="submit" className="button button--warning">
              Answer &quot;not this time&quot;
            </button>
          </Form>
        </section>
      ) : null}
      <h2>Preferences</h2>
      <dl className="summary">
        <dt>Phases</dt>
        <dd>{list(member.phases, (p) => phaseLabels[p as Phase] ?? p)}</dd>
        <dt>Subjects</dt>
        <dd>{list(member.subjects, subjectLabel)}</dd>
        <dt>Year groups</dt>
        <dd>{list(member.yearGroups, (y) => yearGroupLabel(y as YearGroup))}</dd>
        <dt>Contracts</dt>
        <dd>{list(member.contracts, (c) => contractLabels[c as ContractType] ?? c)}</dd>
        <dt>Working patterns</dt>
        <dd>{list(member.workingPatterns, (w) => workingPatternLabels[w as WorkingPattern] ?? w)}</dd>
        <dt>Travels</dt>
        <dd>
          Up to {member.travelMiles ?? "?"} miles{member.availableFrom ? `; can start ${member.availableFrom}` : ""}
        </dd>
      </dl>
      <ProfileSummary profile={member.profile} supportingStatement={member.supportingStatement} headingLevel={2} />
      <h2>History</h2>
      <ul>
        {member.events.map((e, i) => (
          <li key={i}>
            {formatLondon(e.at)}: {poolStatusLabels[e.toStatus]}
            {e.step ? ` (${screeningStepLabels[e.step as ScreeningStep]})` : ""}
            {e.actorName ? `, by ${e.actorName}` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}
