import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { redirectWithFlash } from "../components/actions.server";
import {
  academicYearLabel,
  bookingLabelNames,
  formatDay,
  formatPeriod,
  planningYear,
  type BookingLabel,
} from "../placements/academic-year";
import { calendarAction, type FeedReply } from "../calendar/actions.server";
import { CalendarPanel } from "../calendar/components/calendar-panel";
import { liveFeedCount } from "../calendar/feeds.server";
import { actFromForm, agreementFromForm, agreementYears } from "../placements/actions.server";
import { agreementsOf, partnersFor } from "../placements/agreements.server";
import { AgreementsPanel } from "../placements/components/agreements-panel";
import { mentorChoices } from "../placements/bookings.server";
import { ErrorSummary, Input, replyFor, Select, TextArea } from "../components/intent-fields";
import { invalidForm, refused, type FormReply } from "../components/intent-forms.server";
import { requireHostSchool } from "../placements/guards.server";
import { formatWindows } from "../placements/windows";
import {
  closureDaysOf,
  hostingOf,
  offersOfSchool,
  publishOffer,
  schoolInbox,
  schoolMentors,
  setClosureDay,
  setHosting,
} from "../placements/offers.server";
import {
  closureSchema,
  fieldErrorsOf,
  hostingInterestOptions,
  hostingSchema,
  keyStageOptions,
  offerSchema,
  placementPhaseOptions,
} from "../placements/schemas";
import { stateLabels, type BookingState } from "../placements/states";
import { waitingCounts } from "../placements/waitlist.server";
import { subjectLabel, subjectOptions } from "../vocabulary/subjects";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.school.name ?? "School"}: placements – Staffroom` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, school } = await requireHostSchool(request, params.urn);
  const [offers, inbox, mentors, hosting, waiting, agreements, providers, closures] = await Promise.all([
    offersOfSchool(db(), school.id),
    schoolInbox(db(), school.id),
    schoolMentors(db(), school.id),
    hostingOf(db(), school.id),
    waitingCounts(db(), school.id),
    agreementsOf(db(), { schoolId: school.id }),
    partnersFor(db(), { schoolId: school.id }),
    closureDaysOf(db(), school.id),
  ]);
  const choices = Object.fromEntries(
    await Promise.all(
      [...new Set(inbox.filter((i) => i.state === "provider_confirmed").map((i) => i.offerId))].map(
        async (offerId) =>
          [
            offerId,
            (await mentorChoices(db(), offerId, school.id)).map((m) => ({ value: m.id, label: m.name })),
          ] as const,
      ),
    ),
  );
  const year = planningYear();
  const feeds = await liveFeedCount(db(), user.id, "school", school.id);
  return json({
    school,
    offers,
    inbox,
    mentors,
    hosting,
    choices,
    year,
    yearLabel: academicYearLabel(year),
    feeds,
    waiting,
    agreements,
    providers,
    agreementYears: agreementYears(),
    closures,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, school } = await requireHostSchool(request, params.urn);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const back = `/placements/schools/${school.urn}`;
  const calendar = await calendarAction(formData, user.id, "school", school.id);
  if (calendar) return calendar;
  const agreement = await agreementFromForm(request, formData, { userId: user.id, side: "school" }, school.id, back);
  if (agreement) return agreement;
  if (intent === "offer") {
    const parsed = offerSchema.safeParse({
      ...Object.fromEntries(formData),
      subjects: formData.getAll("subjects"),
      mentorIds: formData.getAll("mentorIds"),
      send: formData.get("send") === "yes",
      keyStage: formData.get("keyStage") || undefined,
    });
    if (!parsed.success) return invalidForm("offer", fieldErrorsOf(parsed.error), formData);
    const outcome = await publishOffer(db(), user.id, school, parsed.data);
    if (!outcome.ok) return refused("offer", outcome, formData);
    return redirectWithFlash(request, back, {
      kind: "success",
      message: "Offer published: providers can now book it.",
    });
  }
  if (intent === "closure") {
    const parsed = closureSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalidForm("closure", fieldErrorsOf(parsed.error), formData);
    await setClosureDay(db(), school.id, parsed.data);
    return redirectWithFlash(request, back, {
      kind: "success",
      message: parsed.data.remove
        ? `${formatDay(parsed.data.day)} is a school day again.`
        : `${formatDay(parsed.data.day)} is marked as ${parsed.data.kind === "inset" ? "an INSET" : "a closure"} day: placements there do not count it.`,
    });
  }
  if (intent === "hosting") {
    const parsed = hostingSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalidForm("hosting", fieldErrorsOf(parsed.error), formData);
    await setHosting(db(), user.id, school.id, planningYear(), parsed.data);
    return redirectWithFlash(request, back, { kind: "success", message: "Hosting interest saved." });
  }
  return actFromForm(request, formData, { userId: user.id, side: "school" }, back);
}

export default function SchoolPlacements() {
  const {
    school,
    offers,
    inbox,
    mentors,
    hosting,
    choices,
    year,
    yearLabel,
    feeds,
    waiting: onLists,
    agreements,
    providers,
    agreementYears: years,
    closures,
  } = useLoaderData<typeof loader>();
  const data = useActionData<FormReply | FeedReply>();
  const reply = data && "fieldErrors" in data ? data : undefined;
  const waiting = inbox.filter((i) => i.state === "provider_confirmed");
  const others = inbox.filter((i) => i.state !== "provider_confirmed");
  const current = hosting.find((h) => h.academicYear === year);
  return (
    <>
      <h1>{school.name}: placements</h1>
      <h2>Requests waiting for you ({waiting.length})</h2>
      {waiting.length === 0 ? <p>No requests are waiting.</p> : null}
      <ul className="inbox">
        {waiting.map((i) => {
          const r = replyFor(reply, "act", i.id);
          const prefix = `act-${i.id.slice(0, 8)}`;
          return (
            <li key={i.id} className="panel">
              <h3>
                {i.traineeName} ({subjectLabelOrPrimary(i.traineeSubject)}) from {i.providerName}
              </h3>
              <p>
                {bookingLabelNames[i.label as BookingLabel]}, {formatPeriod(i.startsOn, i.endsOn)}
              </p>
              <ErrorSummary reply={r} prefix={prefix} />
              <Form method="post">
                <input type="hidden" name="intent" value="act" />
                <input type="hidden" name="bookingId" value={i.id} />
                <Select
                  prefix={prefix}
                  name="mentorUserId"
                  label={`Mentor for ${i.traineeName}`}
                  options={choices[i.offerId] ?? []}
                  placeholder="Choose a mentor"
                  reply={r}
                />
                <button type="submit" className="button" name="action" value="accept">
                  Accept {i.traineeName}
                </button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="act" />
                <input type="hidden" name="bookingId" value={i.id} />
                <TextArea prefix={prefix} name="reason" label={`Reason for declining ${i.traineeName}`} reply={r} />
                <button type="submit" className="button button--secondary" name="action" value="decline">
                  Decline {i.traineeName}
                </button>
              </Form>
            </li>
          );
        })}
      </ul>
      <h2>Placements</h2>
      {others.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Placements at {school.name}</caption>
          <thead>
            <tr>
              <th scope="col">Trainee</th>
              <th scope="col">Provider</th>
              <th scope="col">Dates</th>
              <th scope="col">State</th>
              <th scope="col">Mentor</th>
            </tr>
          </thead>
          <tbody>
            {others.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.traineeName}</th>
                <td>{i.providerName}</td>
                <td>{formatPeriod(i.startsOn, i.endsOn)}</td>
                <td>
                  {stateLabels[i.state as BookingState]}
                  {i.reason ? `: ${i.reason}` : ""}
                </td>
                <td>{i.mentorName ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CalendarPanel live={feeds} reply={data && "feedUrl" in data ? data : undefined} what="the school's placements" />
      <AgreementsPanel side="school" agreements={agreements} partners={providers} years={years} reply={reply} />
      <h2>Offers</h2>
      {offers.length === 0 ? <p>No offers yet.</p> : null}
      <ul>
        {offers.map((o) => (
          <li key={o.id}>
            {o.subjects.length > 0 ? o.subjects.map(subjectLabel).join(", ") : o.phase}, {formatWindows(o.windows)}:{" "}
            {o.taken} of {o.places} places taken
            {o.mentors.length > 0 ? `; mentors ${o.mentors.join(", ")}` : ""}
            {onLists[o.id] ? `; ${onLists[o.id]} on the waiting list` : ""}
          </li>
        ))}
      </ul>
      <h2>Publish an offer</h2>
      <OfferForm reply={replyFor(reply, "offer")} mentors={mentors.map((m) => ({ value: m.id, label: m.name }))} />
      <h2 id="closures">Closure and INSET days</h2>
      <p>Days the school is closed to pupils are not counted as school days in trainees' placements here.</p>
      {closures.length === 0 ? <p>None marked.</p> : null}
      <ul>
        {closures.map((c) => (
          <li key={c.day}>
            <Form method="post" className="inline-form">
              {formatDay(c.day)}: {c.kind === "inset" ? "INSET day" : "closure day"}{" "}
              <input type="hidden" name="intent" value="closure" />
              <input type="hidden" name="day" value={c.day} />
              <input type="hidden" name="kind" value={c.kind} />
              <button type="submit" className="button button--secondary" name="remove" value="yes">
                Remove {formatDay(c.day)}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" className="panel" noValidate>
        <ErrorSummary reply={replyFor(reply, "closure")} prefix="closure" />
        <input type="hidden" name="intent" value="closure" />
        <Input prefix="closure" name="day" label="Day" type="date" reply={replyFor(reply, "closure")} />
        <Select
          prefix="closure"
          name="kind"
          label="Kind of day"
          options={[
            { value: "inset", label: "INSET (training) day" },
            { value: "closure", label: "Closure day" },
          ]}
          reply={replyFor(reply, "closure")}
        />
        <button type="submit" className="button">
          Mark the day
        </button>
      </Form>
      <h2>Hosting trainees in {yearLabel}</h2>
      <Form method="post" className="panel" noValidate>
        <ErrorSummary reply={replyFor(reply, "hosting")} prefix="hosting" />
        <input type="hidden" name="intent" value="hosting" />
        <Select
          prefix="hosting"
          name="interest"
          label="Your school's interest"
          options={hostingInterestOptions}
          defaultValue={current?.interest}
          reply={replyFor(reply, "hosting")}
        />
        <TextArea
          prefix="hosting"
          name="reasons"
          label="Reasons (needed for 'Not this year')"
          reply={replyFor(reply, "hosting")}
        />
        <button type="submit" className="button">
          Save
        </button>
      </Form>
      {hosting.length > 0 ? (
        <>
          <h3>Hosting history</h3>
          <ul>
            {hosting.map((h) => (
              <li key={h.academicYear}>
                {academicYearLabel(h.academicYear)}: {hostingInterestOptions.find((o) => o.value === h.interest)?.label}
                {h.reasons ? ` (${h.reasons})` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function subjectLabelOrPrimary(subject: string): string {
  return subject === "primary" ? "Primary" : subjectLabel(subject);
}

function OfferForm({ reply, mentors }: { reply?: FormReply; mentors: { value: string; label: string }[] }) {
  const chosen = (name: string, value: string) => (reply ? reply.values[name] === value : false);
  return (
    <Form method="post" className="panel" noValidate>
      <ErrorSummary reply={reply} prefix="offer" />
      <input type="hidden" name="intent" value="offer" />
      <Select prefix="offer" name="phase" label="Phase" options={placementPhaseOptions} reply={reply} />
      <Select
        prefix="offer"
        name="subjects"
        label="Subject (secondary)"
        options={subjectOptions}
        placeholder="None: a primary or key stage offer"
        reply={reply}
      />
      <Select
        prefix="offer"
        name="keyStage"
        label="Key stage"
        options={keyStageOptions}
        placeholder="Any"
        reply={reply}
      />
      <div className="field choice">
        <input id="offer-send" type="checkbox" name="send" value="yes" defaultChecked={chosen("send", "yes")} />
        <label htmlFor="offer-send">SEND placement</label>
      </div>
      <Input
        prefix="offer"
        name="yearGroups"
        label="Year groups (optional)"
        reply={reply}
        hint="For example Years 3 and 4"
      />
      <Input prefix="offer" name="startsOn" label="Window's first day" type="date" reply={reply} />
      <Input prefix="offer" name="endsOn" label="Window's last day" type="date" reply={reply} />
      <Input
        prefix="offer"
        name="secondStartsOn"
        label="Second window's first day (optional)"
        type="date"
        reply={reply}
        hint="For a second block in the same academic year, after the first ends: spring after autumn, say"
      />
      <Input prefix="offer" name="secondEndsOn" label="Second window's last day (optional)" type="date" reply={reply} />
      <Input prefix="offer" name="places" label="Places" type="number" reply={reply} defaultValue="1" />
      <fieldset className="field" aria-describedby={reply?.fieldErrors.mentorIds ? "offer-mentorIds-error" : undefined}>
        <legend id="offer-mentorIds">Mentors for this offer</legend>
        {reply?.fieldErrors.mentorIds ? (
          <span className="field-error" id="offer-mentorIds-error">
            <span className="visually-hidden">Error: </span>
            {reply.fieldErrors.mentorIds.join(". ")}
          </span>
        ) : null}
        {mentors.length === 0 ? (
          <p className="hint">No mentors at this school yet: invite them from the staff page.</p>
        ) : null}
        {mentors.map((m) => (
          <div className="choice" key={m.value}>
            <input id={`offer-mentor-${m.value}`} type="checkbox" name="mentorIds" value={m.value} />
            <label htmlFor={`offer-mentor-${m.value}`}>{m.label}</label>
          </div>
        ))}
      </fieldset>
      <TextArea prefix="offer" name="notes" label="Notes (optional)" reply={reply} />
      <button type="submit" className="button">
        Publish the offer
      </button>
    </Form>
  );
}
