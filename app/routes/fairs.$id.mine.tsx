import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../auth/guards.server";
import { ErrorSummary, replyFor } from "../components/intent-fields";
import type { FormReply } from "../components/intent-forms.server";
import { fairById } from "../fairs/access.server";
import { teacherFairAction } from "../fairs/actions.server";
import { openSlots, teacherTimetable } from "../fairs/bookings.server";
import { fairIsOpen } from "../fairs/rules";
import { clock, fairWhen, fairWhere } from "../fairs/text";
import { db } from "../services.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Your timetable: ${data?.fair.name ?? "fair"} – Staffroom` },
];

async function load(request: Request, fairId: string | undefined) {
  const { user } = await requireUser(request);
  const fair = await fairById(db(), fairId ?? "");
  if (!fair) throw notFound();
  const mine = await teacherTimetable(db(), user.id, fair.id);
  if (!mine) throw notFound("You are not registered for this fair");
  return { user, fair, mine };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { fair, mine } = await load(request, params.id);
  const open = fairIsOpen(fair, new Date());
  const booked = new Set(mine.meetings.map((m) => m.schoolId));
  const slots = open ? (await openSlots(db(), fair.id)).filter((s) => !booked.has(s.schoolId)) : [];
  return json({ fair, meetings: mine.meetings, interests: mine.registration.interests, open, slots });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, fair } = await load(request, params.id);
  const answer = await teacherFairAction(request, await request.formData(), user.id, fair.id);
  if (!answer) throw notFound();
  return answer;
}

export default function MyFair() {
  const { fair, meetings, interests, open, slots } = useLoaderData<typeof loader>();
  const data = useActionData<FormReply>();
  const bookReply = replyFor(data, "book");
  const cancelReply = replyFor(data, "cancel-booking") ?? replyFor(data, "cancel-registration");
  const schools = [...new Set(slots.map((s) => s.schoolName))];
  return (
    <>
      <p>
        <Link to={`/fairs/${fair.id}`}>{fair.name}</Link>
      </p>
      <h1>Your timetable</h1>
      <p>
        {fair.name}: {fairWhen(fair.startsAt, fair.endsAt)}. {fairWhere(fair)}.
      </p>
      {fair.onlineUrl ? (
        <p>
          Join the meetings at <a href={fair.onlineUrl}>{fair.onlineUrl}</a>
        </p>
      ) : null}
      {interests ? <p>What you told the schools: {interests}</p> : null}
      <ErrorSummary reply={cancelReply} prefix="cancel" />
      {meetings.length === 0 ? (
        <p>You have no meetings booked yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Your meetings, London time</caption>
          <thead>
            <tr>
              <th scope="col">Time (London)</th>
              <th scope="col">School</th>
              <th scope="col">Where and with whom</th>
              {open ? <th scope="col">Change</th> : null}
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) => (
              <tr key={m.bookingId}>
                <td>
                  {clock(m.startsAt)} to {clock(m.endsAt)}
                </td>
                <td>{m.schoolName}</td>
                <td>{[m.stand, m.withWhom].filter(Boolean).join(", ") || "–"}</td>
                {open ? (
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="cancel-booking" />
                      <input type="hidden" name="bookingId" value={m.bookingId} />
                      <button type="submit" className="button button--secondary">
                        Cancel<span className="visually-hidden"> the meeting with {m.schoolName}</span>
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open ? (
        <>
          <h2>Book a meeting</h2>
          <p>One meeting with each school; meetings may not overlap. Booking closes when the fair starts.</p>
          <ErrorSummary reply={bookReply} prefix="book" />
          {schools.length === 0 ? <p>No more meetings are free with schools you have not booked.</p> : null}
          {schools.map((school) => (
            <section key={school} aria-label={school}>
              <h3>{school}</h3>
              <ul className="slot-list">
                {slots
                  .filter((s) => s.schoolName === school)
                  .map((s) => (
                    <li key={s.id}>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="book" />
                        <input type="hidden" name="slotId" value={s.id} />
                        {clock(s.startsAt)} to {clock(s.endsAt)}
                        {s.withWhom ? ` with ${s.withWhom}` : ""} ({s.left} place{s.left === 1 ? "" : "s"} left){" "}
                        <button type="submit" className="button button--secondary">
                          Book<span className="visually-hidden">{` ${school} at ${clock(s.startsAt)}`}</span>
                        </button>
                      </Form>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
          <h2>Cancel your registration</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="cancel-registration" />
            <p>Your meetings are cancelled with it, freeing them for other teachers.</p>
            <button type="submit" className="button button--secondary">
              Cancel my registration
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}
