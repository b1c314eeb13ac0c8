import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CalendarPanel } from "../calendar/components/calendar-panel";
import { notFound, requireUser } from "../auth/guards.server";
import { replyFor } from "../components/intent-fields";
import { ectCalendarAction, ectFeedCount } from "../programmes/ect-calendar.server";
import { sessionChoiceFromForm } from "../programmes/session-choice-actions.server";
import { assignmentsOfEct } from "../programmes/assignments.server";
import { AssignmentList } from "../programmes/components/assignment-list";
import { TimetableView } from "../programmes/components/timetable-view";
import { ectRecord, ownEct } from "../programmes/ects.server";
import { ectTimetable } from "../programmes/timetable.server";
import { db } from "../services.server";
import { formatLondonDate, londonToday } from "../vocabulary/london-time";

export const meta: MetaFunction = () => [{ title: "Your induction – Staffroom" }];

/** The signed-in ECT's own record: an account that is not an ECT's has no such page. */
async function load(request: Request) {
  const { user } = await requireUser(request);
  const own = await ownEct(db(), user.id);
  if (!own) throw notFound();
  return { user, ectId: own.id };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, ectId } = await load(request);
  const record = await ectRecord(db(), user.id, ectId, londonToday(new Date()));
  const timetable = await ectTimetable(db(), user.id, ectId, new Date());
  if (!record || !timetable) throw notFound();
  return json({
    record,
    timetable,
    feeds: await ectFeedCount(db(), user.id),
    assignments: await assignmentsOfEct(db(), user.id, ectId),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, ectId } = await load(request);
  const formData = await request.formData();
  const calendar = await ectCalendarAction(formData, user.id);
  if (calendar) return calendar;
  return sessionChoiceFromForm(request, formData, { userId: user.id }, ectId, "/induction");
}

export default function Induction() {
  const { record, timetable, feeds, assignments } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const reply = answer && "fieldErrors" in answer ? replyFor(answer, "book") : undefined;
  const calendarReply = answer && "feedUrl" in answer ? answer : undefined;
  const mentor = record.mentors.find((m) => m.endsOn === null);
  return (
    <>
      <h1>Your induction</h1>
      <p>
        {record.current ? `At ${record.current.schoolName}` : "Not at a school in Staffroom now"}
        {record.current?.tutorName ? `; induction tutor ${record.current.tutorName}` : ""}
        {mentor ? `; mentor ${mentor.mentorName} since ${formatLondonDate(mentor.startsOn)}` : ""}.
      </p>
      <p>
        So far: {record.progress.termsServed} of {record.progress.termsRequired} terms (full-time equivalent). This is
        information for planning; decisions on induction are your appropriate body&apos;s ({record.appropriateBody}).
      </p>
      <p>
        <Link to={`/ects/${record.id}`}>Your full record</Link>
      </p>
      <TimetableView timetable={timetable} reply={reply} canChoose who="your" />
      <h2>Time at other schools</h2>
      <AssignmentList assignments={assignments} showEct={false} headingLevel={2} />
      <CalendarPanel live={feeds} reply={calendarReply} what="your training sessions" shows="your training sessions" />
    </>
  );
}
