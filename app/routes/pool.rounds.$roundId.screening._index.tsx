import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../auth/guards.server";
import { replyFor } from "../components/intent-fields";
import type { FormReply } from "../components/intent-forms.server";
import { panelRound } from "../pool/access.server";
import { slotAction } from "../pool/actions.server";
import { SlotRunForm, SlotTable } from "../pool/components/slot-form";
import { roundSchools } from "../pool/rounds.server";
import { panelList, type PanelListRow } from "../pool/screening.server";
import { slotsOf } from "../pool/slots.server";
import { db } from "../services.server";
import { formatLondon, formatLondonDate } from "../vocabulary/london-time";
import { bookableSteps, poolStatusLabels, screeningStepLabels, type ScreeningStep } from "../vocabulary/pool";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Screening: ${data?.round.name ?? "pool round"} – Staffroom` },
];

async function load(request: Request, roundId: string | undefined) {
  const { user } = await requireUser(request);
  const round = await panelRound(db(), user.id, roundId ?? "");
  if (!round) throw notFound();
  return { user, round };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, round } = await load(request, params.roundId);
  const [candidates, slots, schools] = await Promise.all([
    panelList(db(), user.id, round),
    slotsOf(db(), round.id, true),
    roundSchools(db(), round.id),
  ]);
  return json({ round, candidates, slots, schools });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round } = await load(request, params.roundId);
  const answer = await slotAction(
    request,
    await request.formData(),
    user.id,
    round,
    `/pool/rounds/${round.id}/screening`,
  );
  if (!answer) throw notFound();
  return answer;
}

function CandidateTable({ roundId, rows, caption }: { roundId: string; rows: PanelListRow[]; caption: string }) {
  if (rows.length === 0) return <p>Nobody.</p>;
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Candidate</th>
          <th scope="col">Sent</th>
          <th scope="col">Scored by</th>
          <th scope="col">Mean score</th>
          <th scope="col">Booked</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <td>
              <Link to={`/pool/rounds/${roundId}/screening/${c.id}`}>{c.name}</Link>
            </td>
            <td>{formatLondonDate(c.submittedAt)}</td>
            <td>{c.scorers}</td>
            <td>{c.mean ?? "–"}</td>
            <td>{c.bookedAt ? formatLondon(c.bookedAt) : "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function Screening() {
  const { round, candidates, slots, schools } = useLoaderData<typeof loader>();
  const data = useActionData<FormReply>();
  const finished = candidates.filter((c) => c.status !== "screening");
  return (
    <>
      <p>
        <Link to="/pool">The teacher pool</Link>
      </p>
      <h1>Screening: {round.name}</h1>
      <p>
        Score each candidate against the round&apos;s criteria at each step, then move them on or answer them &quot;not
        this time&quot; with feedback. Everyone gets an answer.
      </p>
      {round.steps.map((step) => {
        const rows = candidates.filter((c) => c.status === "screening" && c.step === step);
        const label = screeningStepLabels[step as ScreeningStep];
        return (
          <section key={step} aria-labelledby={`step-${step}`}>
            <h2 id={`step-${step}`}>
              {label} ({rows.length})
            </h2>
            <CandidateTable roundId={round.id} rows={rows} caption={`Candidates at ${label}`} />
          </section>
        );
      })}
      <h2>Answered ({finished.length})</h2>
      {finished.length === 0 ? (
        <p>Nobody yet.</p>
      ) : (
        <ul>
          {finished.map((c) => (
            <li key={c.id}>
              <Link to={`/pool/rounds/${round.id}/screening/${c.id}`}>{c.name}</Link>: {poolStatusLabels[c.status]}
            </li>
          ))}
        </ul>
      )}
      <h2>Interview and observation slots</h2>
      <SlotTable slots={slots} removable />
      <SlotRunForm
        reply={replyFor(data, "slots")}
        steps={bookableSteps.filter((s) => round.steps.includes(s))}
        schools={schools}
      />
    </>
  );
}
