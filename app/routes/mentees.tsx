import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/guards.server";
import { menteesOf } from "../programmes/mentors.server";
import { db } from "../services.server";
import { formatLondonDate } from "../vocabulary/london-time";

export const meta: MetaFunction = () => [{ title: "Your mentees – Staffroom" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  return json({ mentees: await menteesOf(db(), user.id) });
}

export default function Mentees() {
  const { mentees } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Your mentees</h1>
      <p>
        The early career teachers you mentor now: their timetable of training sessions, attendance and induction so far,
        to plan your weekly mentoring around.
      </p>
      {mentees.length === 0 ? (
        <p>
          You are not mentoring an ECT at the moment. Induction tutors assign mentors from their school&apos;s staff.
        </p>
      ) : (
        <ul>
          {mentees.map((m) => (
            <li key={m.id}>
              <Link to={`/ects/${m.id}`}>{m.name}</Link>, {m.schoolName}, since {formatLondonDate(m.since)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
