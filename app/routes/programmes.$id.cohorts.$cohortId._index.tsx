import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../auth/guards.server";
import { replyFor } from "../components/intent-fields";
import type { FormReply } from "../components/intent-forms.server";
import { createSessionFromForm } from "../programmes/actions.server";
import { SessionForm } from "../programmes/components/session-form";
import { managedCohort, managedProgramme, sessionFormOptions, sessionsOfCohort } from "../programmes/programmes.server";
import { cohortEngagement } from "../programmes/register.server";
import { sessionWhen, venueText } from "../programmes/session-text";
import { db } from "../services.server";
import { ENGAGEMENT_MARKER } from "../vocabulary/programmes";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.cohort.name ?? "Cohort"}: ${data?.programme.name ?? "programme"} – Staffroom` },
];

async function load(request: Request, params: { id?: string; cohortId?: string }) {
  const { user } = await requireUser(request);
  const programme = await managedProgramme(db(), user.id, params.id ?? "");
  const cohort = programme ? await managedCohort(db(), user.id, programme.id, params.cohortId ?? "") : null;
  if (!programme || !cohort) throw notFound();
  return { user, programme, cohort };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, programme, cohort } = await load(request, params);
  const [sessions, ects, options] = await Promise.all([
    sessionsOfCohort(db(), cohort.id),
    cohortEngagement(db(), user.id, cohort.id),
    sessionFormOptions(db(), programme),
  ]);
  return json({ programme, cohort, sessions, ects: ects ?? [], options });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, programme, cohort } = await load(request, params);
  return createSessionFromForm(request, await request.formData(), user.id, programme.id, cohort.id);
}

export default function CohortPage() {
  const { programme, cohort, sessions, ects, options } = useLoaderData<typeof loader>();
  const reply = replyFor(useActionData<FormReply>(), "session");
  return (
    <>
      <p>
        <Link to={`/programmes/${programme.id}`}>{programme.name}</Link>
      </p>
      <h1>
        {programme.name}: {cohort.name}
      </h1>

      <h2>Sessions</h2>
      {sessions.length === 0 ? (
        <p>No sessions yet.</p>
      ) : (
        <ul>
          {sessions.map((s) => (
            <li key={s.id}>
              <Link to={`/programmes/sessions/${s.id}`}>{s.title}</Link>
              {s.cancelledAt ? " (cancelled)" : ""}: {sessionWhen(s.startsAt, s.endsAt)}, {venueText(s)}. Year{" "}
              {s.inductionYear}
              {s.strandName ? `, ${s.strandName}` : ""}
              {s.optional ? ", optional" : ", core"}. {s.booked} of {s.capacity} places booked
              {s.facilitatorName ? `; run by ${s.facilitatorName}` : ""}.
            </li>
          ))}
        </ul>
      )}

      <h2>Enrolled ECTs and engagement</h2>
      <p>
        Engagement is sessions attended of those expected so far, excused absences left out. Below{" "}
        {ENGAGEMENT_MARKER * 100}% is marked so the ECT&apos;s tutor can offer support: it is never a pass or fail.
      </p>
      {ects.length === 0 ? (
        <p>No ECTs are enrolled yet: their induction tutors enrol them.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Engagement of the ECTs in {cohort.name}</caption>
          <thead>
            <tr>
              <th scope="col">ECT</th>
              <th scope="col">School</th>
              <th scope="col">Present</th>
              <th scope="col">Absent</th>
              <th scope="col">Excused</th>
              <th scope="col">Engagement</th>
            </tr>
          </thead>
          <tbody>
            {ects.map((e) => (
              <tr key={e.ectId}>
                <th scope="row">{e.name}</th>
                <td>{e.schoolName ?? "No school now"}</td>
                <td>{e.present}</td>
                <td>{e.absent}</td>
                <td>{e.excused}</td>
                <td>
                  {e.percent === null ? "No register yet" : `${e.percent}%`}
                  {e.belowMarker ? ` (below ${ENGAGEMENT_MARKER * 100}%)` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={`/programmes/${programme.id}/cohorts/${cohort.id}/engagement.csv`} download>
          Download engagement as CSV
        </a>
      </p>

      <h2>Add a session</h2>
      <SessionForm reply={reply} options={options} submitLabel="Add the session" />
    </>
  );
}
