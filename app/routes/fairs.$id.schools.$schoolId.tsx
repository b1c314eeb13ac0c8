import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../auth/guards.server";
import { ErrorSummary, Input, replyFor, Select, TextArea } from "../components/intent-fields";
import type { FormReply } from "../components/intent-forms.server";
import { hrFairSchool } from "../fairs/access.server";
import { schoolFairAction } from "../fairs/actions.server";
import { fairSchoolsWithRoles, publishedVacanciesOf, schoolTimetable } from "../fairs/fairs.server";
import { followUpsOf } from "../fairs/follow-ups.server";
import { fairHasStarted } from "../fairs/rules";
import { clock, fairWhen, fairWhere } from "../fairs/text";
import { db } from "../services.server";
import { contractOptions, phaseOptions } from "../vocabulary/options";
import { followUpKindLabels, followUpKinds } from "../vocabulary/pool";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.school.schoolName ?? "School"} at ${data?.fair.name ?? "the fair"} – Staffroom` },
];

async function load(request: Request, fairId: string | undefined, schoolId: string | undefined) {
  const { user } = await requireUser(request);
  const found = await hrFairSchool(db(), user.id, fairId ?? "", schoolId ?? "");
  if (!found) throw notFound();
  return { user, ...found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { fair, school } = await load(request, params.id, params.schoolId);
  const [schools, timetable, vacancies, followUps] = await Promise.all([
    fairSchoolsWithRoles(db(), fair.id),
    schoolTimetable(db(), fair.id, school.schoolId),
    publishedVacanciesOf(db(), school.schoolId),
    followUpsOf(db(), fair.id, school.schoolId),
  ]);
  const roles = schools.find((s) => s.id === school.schoolId)?.roles ?? [];
  const met = new Map<string, { registrationId: string; name: string; interests: string }>();
  for (const slot of timetable) for (const t of slot.teachers) met.set(t.registrationId, t);
  return json({
    fair,
    school,
    roles,
    timetable,
    vacancies,
    followUps,
    met: [...met.values()].sort((a, b) => a.name.localeCompare(b.name)),
    after: fairHasStarted(fair, new Date()),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, fair, school } = await load(request, params.id, params.schoolId);
  const answer = await schoolFairAction(request, await request.formData(), user.id, fair.id, school.schoolId);
  if (!answer) throw notFound();
  return answer;
}

export default function SchoolAtFair() {
  const { fair, school, roles, timetable, vacancies, followUps, met, after } = useLoaderData<typeof loader>();
  const data = useActionData<FormReply>();
  const roleReply = replyFor(data, "role");
  const slotsReply = replyFor(data, "slots");
  const removeReply = replyFor(data, "remove-slot") ?? replyFor(data, "remove-role");
  const booked = timetable.reduce((n, s) => n + s.teachers.length, 0);
  return (
    <>
      <p>
        <Link to={`/fairs/${fair.id}`}>{fair.name}</Link>
      </p>
      <h1>{school.schoolName} at the fair</h1>
      <p>
        {fairWhen(fair.startsAt, fair.endsAt)}. {fairWhere(fair)}.{school.stand ? ` Your stand: ${school.stand}.` : ""}
      </p>
      {fair.onlineUrl ? (
        <p>
          The fair&apos;s meeting link: <a href={fair.onlineUrl}>{fair.onlineUrl}</a>
        </p>
      ) : null}
      <ErrorSummary reply={removeReply} prefix="remove" />

      <h2>Timetable</h2>
      <p>
        {timetable.length} meeting slot{timetable.length === 1 ? "" : "s"}, {booked} booked. Times are London time.
      </p>
      {timetable.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{school.schoolName}&apos;s meetings</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">With whom</th>
              <th scope="col">Booked by</th>
              {after ? null : <th scope="col">Change</th>}
            </tr>
          </thead>
          <tbody>
            {timetable.map((slot) => (
              <tr key={slot.slotId}>
                <td>
                  {clock(slot.startsAt)} to {clock(slot.endsAt)}
                </td>
                <td>{slot.withWhom || "–"}</td>
                <td>
                  {slot.teachers.length === 0
                    ? `Free (${slot.capacity} place${slot.capacity === 1 ? "" : "s"})`
                    : slot.teachers.map((t) => (
                        <p key={t.registrationId}>
                          {t.name}
                          {t.interests ? `: ${t.interests}` : ""}
                        </p>
                      ))}
                </td>
                {after ? null : (
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="remove-slot" />
                      <input type="hidden" name="slotId" value={slot.slotId} />
                      <button type="submit" className="button button--secondary">
                        Remove<span className="visually-hidden"> the slot at {clock(slot.startsAt)}</span>
                      </button>
                    </Form>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {after ? null : (
        <>
          <h2>Offer meetings</h2>
          <p>
            A run of back-to-back meetings between two times within the fair&apos;s hours. Removing a booked slot
            e-mails the teachers that the meeting is cancelled.
          </p>
          <Form method="post" className="panel" noValidate>
            <ErrorSummary reply={slotsReply} prefix="slots" />
            <input type="hidden" name="intent" value="slots" />
            <Input
              prefix="slots"
              name="startTime"
              label="First meeting starts"
              hint="24-hour London time, for example 10:00"
              reply={slotsReply}
            />
            <Input
              prefix="slots"
              name="endTime"
              label="Meetings end by"
              hint="24-hour London time, for example 12:00"
              reply={slotsReply}
            />
            <Input
              prefix="slots"
              name="minutes"
              label="Minutes each meeting lasts"
              type="number"
              defaultValue="15"
              reply={slotsReply}
            />
            <Input
              prefix="slots"
              name="capacity"
              label="Teachers each meeting takes"
              type="number"
              defaultValue="1"
              hint="From 1 to 20"
              reply={slotsReply}
            />
            <Input
              prefix="slots"
              name="withWhom"
              label="With whom (optional)"
              hint="For example: Mrs Okafor, headteacher"
              reply={slotsReply}
            />
            <button type="submit" className="button">
              Add the meetings
            </button>
          </Form>
        </>
      )}

      <h2>Roles you expect to fill</h2>
      {roles.length === 0 ? <p>None listed yet: they show on the fair&apos;s public page.</p> : null}
      <ul>
        {roles.map((r) => (
          <li key={r.id}>
            {r.title}
            {r.vacancyTitle ? ` (vacancy: ${r.vacancyTitle})` : ""}{" "}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="remove-role" />
              <input type="hidden" name="roleId" value={r.id} />
              <button type="submit" className="button button--secondary">
                Remove<span className="visually-hidden"> {r.title}</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" className="panel" noValidate>
        <ErrorSummary reply={roleReply} prefix="role" />
        <input type="hidden" name="intent" value="role" />
        <Input prefix="role" name="title" label="Title" reply={roleReply} autoComplete="off" />
        <Select
          prefix="role"
          name="phase"
          label="Phase (optional)"
          options={phaseOptions}
          placeholder="Any"
          reply={roleReply}
        />
        <Input prefix="role" name="subject" label="Subject (optional)" reply={roleReply} />
        <Select
          prefix="role"
          name="contract"
          label="Contract (optional)"
          options={contractOptions}
          placeholder="Not decided"
          reply={roleReply}
        />
        <TextArea prefix="role" name="notes" label="Notes (optional)" reply={roleReply} />
        <Select
          prefix="role"
          name="vacancyId"
          label="One of your published vacancies (optional)"
          options={vacancies}
          placeholder="None"
          reply={roleReply}
        />
        <button type="submit" className="button">
          Add the role
        </button>
      </Form>

      <h2>Follow up</h2>
      {!after ? (
        <p>After the fair, invite the teachers you met to join the pool or to apply for one of your vacancies.</p>
      ) : met.length === 0 ? (
        <p>No teachers met your school at this fair.</p>
      ) : (
        met.map((t) => {
          const reply = replyFor(data, "follow-up", t.registrationId, "registrationId");
          const prefix = `follow-up-${t.registrationId}`;
          const sent = followUps.filter((f) => f.registrationId === t.registrationId);
          return (
            <section key={t.registrationId} aria-label={t.name}>
              <h3>{t.name}</h3>
              {t.interests ? <p>{t.interests}</p> : null}
              {sent.length > 0 ? (
                <p>
                  Sent:{" "}
                  {sent
                    .map((f) =>
                      f.vacancyTitle ? `${followUpKindLabels[f.kind]} (${f.vacancyTitle})` : followUpKindLabels[f.kind],
                    )
                    .join("; ")}
                </p>
              ) : null}
              <Form method="post" className="panel" noValidate>
                <ErrorSummary reply={reply} prefix={prefix} />
                <input type="hidden" name="intent" value="follow-up" />
                <input type="hidden" name="registrationId" value={t.registrationId} />
                <Select
                  prefix={prefix}
                  name="kind"
                  label="Invitation"
                  options={followUpKinds
                    .filter((k) => k === "application_invitation" || fair.poolRoundId)
                    .map((k) => ({ value: k, label: followUpKindLabels[k] }))}
                  reply={reply}
                />
                <Select
                  prefix={prefix}
                  name="vacancyId"
                  label="Vacancy (to invite them to apply)"
                  options={vacancies}
                  placeholder="Choose a vacancy"
                  reply={reply}
                />
                <TextArea prefix={prefix} name="message" label="A note to them (optional)" reply={reply} />
                <button type="submit" className="button">
                  Send the invitation<span className="visually-hidden"> to {t.name}</span>
                </button>
              </Form>
            </section>
          );
        })
      )}
    </>
  );
}
