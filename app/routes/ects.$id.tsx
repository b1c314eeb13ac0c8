import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../auth/guards.server";
import { redirectWithFlash } from "../components/actions.server";
import { ErrorSummary, Input, replyFor, Select } from "../components/intent-fields";
import { invalidForm, refused, type FormReply } from "../components/intent-forms.server";
import { fieldErrorsOf, type Outcome } from "../forms/outcome";
import { sessionChoiceFromForm } from "../programmes/session-choice-actions.server";
import { assignmentFromForm } from "../programmes/assignment-actions.server";
import { assignmentsOfEct, proposalChoices } from "../programmes/assignments.server";
import { AssignmentList, ProposeAssignmentForm } from "../programmes/components/assignment-list";
import { TimetableView } from "../programmes/components/timetable-view";
import { ectDetailsSchema, enrolSchema, leaveSchema, mentorSchema } from "../programmes/ect-schemas";
import { ectRecord, leaveSchool, updateEctDetails } from "../programmes/ects.server";
import { cohortChoices, enrol, enrolmentsOf, withdrawEnrolment } from "../programmes/enrolment.server";
import { assignMentor, endMentoring, mentorChoices } from "../programmes/mentors.server";
import { ectTimetable } from "../programmes/timetable.server";
import { db, enqueue, services } from "../services.server";
import { formatLondonDate, londonToday } from "../vocabulary/london-time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.record.name ?? "ECT"}: early career teacher – Staffroom` },
];

async function load(request: Request, id: string | undefined) {
  const { user } = await requireUser(request);
  const today = londonToday(new Date());
  const record = await ectRecord(db(), user.id, id ?? "", today);
  if (!record) throw notFound();
  return { user, record, today };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, record, today } = await load(request, params.id);
  const manage = record.canManage && record.current;
  return json({
    record,
    today,
    timetable: await ectTimetable(db(), user.id, record.id, new Date()),
    enrolments: await enrolmentsOf(db(), record.id),
    mentors: manage && record.current ? await mentorChoices(db(), record.current.schoolId, today) : [],
    cohorts: manage ? await cohortChoices(db(), today) : [],
    assignments: await assignmentsOfEct(db(), user.id, record.id),
    proposals: manage ? await proposalChoices(db(), user.id) : null,
  });
}

const formSchemas = {
  mentor: mentorSchema,
  "end-mentor": leaveSchema,
  leave: leaveSchema,
  enrol: enrolSchema,
  withdraw: enrolSchema,
  details: ectDetailsSchema,
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, record } = await load(request, params.id);
  // Only the ECT's tutor changes the record; to others (the ECT, their mentor) it has no forms.
  if (!record.canManage) throw notFound();
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const back = `/ects/${record.id}`;
  if (intent === "book" || intent === "cancel-booking")
    return sessionChoiceFromForm(request, formData, { userId: user.id }, record.id, back);
  const assignment = await assignmentFromForm(request, formData, user.id, back);
  if (assignment) return assignment;
  if (!(intent in formSchemas)) throw notFound();
  const key = intent as keyof typeof formSchemas;
  const parsed = formSchemas[key].safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidForm(intent, fieldErrorsOf(parsed.error), formData);
  const data = parsed.data as Record<string, string | number>;
  const str = (name: string) => String(data[name]);
  const now = new Date();
  const outcomes: Record<keyof typeof formSchemas, () => Promise<Outcome<object>>> = {
    mentor: () =>
      assignMentor(
        db(),
        user.id,
        record.id,
        { mentorUserId: str("mentorUserId"), startsOn: str("startsOn") },
        { appUrl: services().config.appUrl, enqueue: enqueue() },
      ),
    "end-mentor": () => endMentoring(db(), user.id, record.id, str("leavesOn")),
    leave: () => leaveSchool(db(), user.id, record.id, str("leavesOn")),
    enrol: () => enrol(db(), { userId: user.id }, record.id, str("cohortId"), now),
    withdraw: () => withdrawEnrolment(db(), { userId: user.id }, record.id, str("cohortId"), now),
    details: () =>
      updateEctDetails(db(), user.id, record.id, {
        ftePercent: Number(data.ftePercent),
        appropriateBody: str("appropriateBody"),
      }),
  };
  const outcome = await outcomes[key]();
  if (!outcome.ok) return refused(intent, outcome, formData);
  const messages: Record<keyof typeof formSchemas, string> = {
    mentor: "Mentor assigned.",
    "end-mentor": "Mentoring stops on that date.",
    leave: `Leaving date recorded: ${record.name} can now be registered by their next school.`,
    enrol: "Enrolled: the cohort's core sessions are booked.",
    withdraw: "Taken out of the cohort: places at sessions still to come are freed.",
    details: "Details saved.",
  };
  return redirectWithFlash(request, intent === "leave" ? "/ects" : back, { kind: "success", message: messages[key] });
}

export default function EctRecordPage() {
  const { record, today, timetable, enrolments, mentors, cohorts, assignments, proposals } =
    useLoaderData<typeof loader>();
  const reply = useActionData<FormReply>();
  const manage = record.canManage && record.current !== null;
  const currentMentor = record.mentors.find((m) => m.startsOn <= today && (m.endsOn === null || m.endsOn > today));
  return (
    <>
      {record.canManage ? (
        <p>
          <Link to="/ects">All your ECTs</Link>
        </p>
      ) : null}
      <h1>{record.name}</h1>
      <dl className="summary">
        <dt>School</dt>
        <dd>{record.current ? record.current.schoolName : "Not at a school in Staffroom now"}</dd>
        <dt>Induction tutor</dt>
        <dd>{record.current?.tutorName ?? "Not named"}</dd>
        <dt>Mentor</dt>
        <dd>
          {currentMentor
            ? `${currentMentor.mentorName}, since ${formatLondonDate(currentMentor.startsOn)}`
            : "None yet"}
        </dd>
        <dt>TRN</dt>
        <dd>{record.trn}</dd>
        <dt>Induction started</dt>
        <dd>{formatLondonDate(record.inductionStartsOn)}</dd>
        <dt>Working pattern</dt>
        <dd>{record.ftePercent === 100 ? "Full time" : `${record.ftePercent}% of full time`}</dd>
        <dt>Appropriate body</dt>
        <dd>{record.appropriateBody}</dd>
        <dt>Induction so far</dt>
        <dd>
          {record.progress.termsServed} of {record.progress.termsRequired} terms (FTE); about{" "}
          {record.progress.termsRemaining} terms to go at this working pattern. Information for planning, never a
          decision on induction.
        </dd>
      </dl>

      {manage ? (
        <section aria-labelledby="mentor-heading">
          <h2 id="mentor-heading">Mentor</h2>
          <Form method="post" className="panel" noValidate>
            <ErrorSummary reply={replyFor(reply, "mentor")} prefix="mentor" />
            <input type="hidden" name="intent" value="mentor" />
            <Select
              prefix="mentor"
              name="mentorUserId"
              label={currentMentor ? "New mentor" : "Mentor"}
              placeholder="Choose a mentor"
              options={mentors.map((m) => ({
                value: m.id,
                label: `${m.name} (mentoring ${m.load} of ${m.cap})`,
              }))}
              reply={replyFor(reply, "mentor")}
              hint="The school's mentors, with how many ECTs and trainees each mentors now against the partnership's cap. The mentor is never the induction tutor."
            />
            <Input
              prefix="mentor"
              name="startsOn"
              label="Mentoring starts on"
              type="date"
              defaultValue={today}
              reply={replyFor(reply, "mentor")}
            />
            <button type="submit" className="button">
              {currentMentor ? "Change mentor" : "Assign mentor"}
            </button>
          </Form>
          {currentMentor ? (
            <Form method="post" className="panel" noValidate>
              <ErrorSummary reply={replyFor(reply, "end-mentor")} prefix="end-mentor" />
              <input type="hidden" name="intent" value="end-mentor" />
              <Input
                prefix="end-mentor"
                name="leavesOn"
                label="Stop mentoring from"
                type="date"
                reply={replyFor(reply, "end-mentor")}
                hint="The first day without this mentor"
              />
              <button type="submit" className="button button--secondary">
                Stop mentoring
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="programmes-heading">
        <h2 id="programmes-heading">Programmes</h2>
        {enrolments.length === 0 ? (
          <p>Not enrolled in a shared programme yet.</p>
        ) : (
          <ul>
            {enrolments.map((e) => (
              <li key={e.cohortId}>
                {e.label}: {e.sessions} session{e.sessions === 1 ? "" : "s"} booked
                {manage ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="withdraw" />
                    <input type="hidden" name="cohortId" value={e.cohortId} />
                    <button type="submit" className="button button--secondary">
                      Take out of this cohort<span className="visually-hidden"> ({e.label})</span>
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {manage ? (
          <Form method="post" className="panel" noValidate>
            <ErrorSummary reply={replyFor(reply, "enrol")} prefix="enrol" />
            <input type="hidden" name="intent" value="enrol" />
            <Select
              prefix="enrol"
              name="cohortId"
              label="Enrol in a cohort"
              placeholder="Choose a cohort"
              options={cohorts.map((c) => ({ value: c.id, label: c.label }))}
              reply={replyFor(reply, "enrol")}
              hint="The cohort's core sessions still to come are booked at once; optional ones are chosen below"
            />
            <button type="submit" className="button">
              Enrol
            </button>
          </Form>
        ) : null}
      </section>

      {timetable ? (
        <TimetableView
          timetable={timetable}
          reply={replyFor(reply, "book")}
          canChoose={manage}
          who={`${record.name}'s`}
        />
      ) : null}

      <section aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">Time at other schools</h2>
        <p className="hint">
          Planned early-career assignments to another school: {record.name} stays employed here; both schools accept.
        </p>
        <AssignmentList assignments={assignments} reply={reply} showEct={false} headingLevel={2} />
        {proposals && proposals.ects.some((e) => e.id === record.id) ? (
          <ProposeAssignmentForm choices={proposals} ectId={record.id} reply={reply} />
        ) : null}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Schools</h2>
        <ul>
          {record.periods.map((p) => (
            <li key={p.id}>
              {p.schoolName}: from {formatLondonDate(p.startsOn)}
              {p.endsOn ? ` to ${formatLondonDate(p.endsOn)} (left)` : ""}
            </li>
          ))}
        </ul>
        {record.mentors.length > 1 ? (
          <>
            <h3>Mentors over time</h3>
            <ul>
              {record.mentors.map((m) => (
                <li key={m.id}>
                  {m.mentorName}: from {formatLondonDate(m.startsOn)}
                  {m.endsOn ? ` to ${formatLondonDate(m.endsOn)}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {manage ? (
          <>
            <Form method="post" className="panel" noValidate>
              <ErrorSummary reply={replyFor(reply, "details")} prefix="details" />
              <input type="hidden" name="intent" value="details" />
              <Input
                prefix="details"
                name="ftePercent"
                label="Working pattern, as a percentage of full time"
                type="number"
                defaultValue={String(record.ftePercent)}
                reply={replyFor(reply, "details")}
              />
              <Input
                prefix="details"
                name="appropriateBody"
                label="Appropriate body"
                defaultValue={record.appropriateBody}
                reply={replyFor(reply, "details")}
              />
              <button type="submit" className="button button--secondary">
                Save details
              </button>
            </Form>
            <Form method="post" className="panel" noValidate>
              <ErrorSummary reply={replyFor(reply, "leave")} prefix="leave" />
              <input type="hidden" name="intent" value="leave" />
              <Input
                prefix="leave"
                name="leavesOn"
                label="Leaving the school: their first day away"
                type="date"
                reply={replyFor(reply, "leave")}
                hint="Their record and history stay; their next school can then register them with the same TRN"
              />
              <button type="submit" className="button button--secondary">
                Record leaving
              </button>
            </Form>
          </>
        ) : null}
      </section>
    </>
  );
}
