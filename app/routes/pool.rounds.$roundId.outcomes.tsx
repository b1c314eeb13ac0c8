import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { currentUser, notFound } from "../auth/guards.server";
import { employerKindLabels } from "../pool/outcomes/labels";
import {
  appointmentsByEmployer,
  cellText,
  figuresBy,
  figuresOf,
  medianText,
  type Figures,
} from "../pool/outcomes/figures";
import { appointingSchoolNames, roundOutcomes } from "../pool/outcomes/outcomes.server";
import { db } from "../services.server";
import { phaseLabels, type Phase } from "../vocabulary/options";
import { subjectLabel } from "../vocabulary/subjects";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Outcomes: ${data?.round.name ?? "pool round"} – Staffroom` },
];

/** Public: anyone may read how a round went, without sign-in; figures under 3 are not shown. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await roundOutcomes(db(), params.roundId ?? "");
  if (!found) throw notFound();
  const { round, rows } = found;
  const signedIn = await currentUser(request);
  const schoolIds = [...new Set(rows.map((r) => r.appointedSchoolId).filter((id): id is string => id !== null))];
  const names = await appointingSchoolNames(db(), signedIn?.user.id ?? null, round.partnershipId, schoolIds);
  return json({
    round,
    total: figuresOf(rows),
    byPhase: figuresBy(rows, (r) => r.phase).map((g) => ({ ...g, label: phaseLabels[g.key as Phase] ?? g.key })),
    bySubject: figuresBy(rows, (r) => r.subject).map((g) => ({ ...g, label: subjectLabel(g.key) })),
    byEmployer: appointmentsByEmployer(rows).map((e) => ({
      ...e,
      label: employerKindLabels[e.kind as keyof typeof employerKindLabels] ?? e.kind,
    })),
    bySchool: names
      ? figuresBy(rows, (r) => r.appointedSchoolId).map((g) => ({
          ...g,
          label: names[g.key] ?? "A school no longer listed",
        }))
      : null,
  });
}

function FigureTable({
  caption,
  keyHeading,
  groups,
}: {
  caption: string;
  keyHeading: string;
  groups: { key: string; label: string; figures: Figures }[];
}) {
  if (groups.length === 0) return <p>No applications yet.</p>;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyHeading}</th>
          <th scope="col">Applicants</th>
          <th scope="col">Pooled</th>
          <th scope="col">Appointed</th>
          <th scope="col">Median days from pooled to appointed</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key}>
            <th scope="row">{g.label}</th>
            <td>{cellText(g.figures.applicants)}</td>
            <td>{cellText(g.figures.pooled)}</td>
            <td>{cellText(g.figures.appointed)}</td>
            <td>{medianText(g.figures.medianDaysPooledToAppointed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function PoolOutcomes() {
  const { round, total, byPhase, bySubject, byEmployer, bySchool } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Outcomes: {round.name}</h1>
      <p>
        How the {round.partnershipName} pool round has gone so far. Figures are counted without the people in them, and
        any figure under 3 is shown as &ldquo;fewer than 3&rdquo; so that nobody can be identified.
      </p>
      <dl className="summary" aria-label="The round in figures">
        <dt>Applicants</dt>
        <dd>{cellText(total.applicants)}</dd>
        <dt>Pooled</dt>
        <dd>{cellText(total.pooled)}</dd>
        <dt>Appointed</dt>
        <dd data-testid="appointed-count">{cellText(total.appointed)}</dd>
        <dt>Median days from pooled to appointed</dt>
        <dd>{medianText(total.medianDaysPooledToAppointed)}</dd>
      </dl>
      <h2>By phase</h2>
      <FigureTable caption="Outcomes by the phase applicants chose first" keyHeading="Phase" groups={byPhase} />
      <h2>By subject</h2>
      <FigureTable caption="Outcomes by the subject applicants chose first" keyHeading="Subject" groups={bySubject} />
      <h2>Appointments by employer</h2>
      {byEmployer.length === 0 ? (
        <p>No appointments yet.</p>
      ) : (
        <table>
          <caption>Appointments by the kind of employer</caption>
          <thead>
            <tr>
              <th scope="col">Employer</th>
              <th scope="col">Appointed</th>
            </tr>
          </thead>
          <tbody>
            {byEmployer.map((e) => (
              <tr key={e.kind}>
                <th scope="row">{e.label}</th>
                <td>{cellText(e.appointed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {bySchool ? (
        <>
          <h2>By appointing school</h2>
          <p>Only the partnership&rsquo;s admins see this table.</p>
          <FigureTable caption="Appointments by school" keyHeading="School" groups={bySchool} />
        </>
      ) : null}
    </>
  );
}
