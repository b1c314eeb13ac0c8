import { Form } from "@remix-run/react";
import { bookingLabelNames, bookingLabels, formatConfirmBy, formatDay, formatPeriod } from "../academic-year";
import type { FormReply } from "../../components/intent-forms.server";
import { stateLabels, type BookingAction } from "../states";
import type { Rotation } from "../trainees.server";
import { ErrorSummary, Input, replyFor, Select, TextArea } from "../../components/intent-fields";

const actionLabels: Record<BookingAction, string> = {
  confirm: "Confirm",
  accept: "Accept",
  decline: "Decline",
  cancel: "Cancel placement",
  complete: "Mark completed",
};

/**
 * A trainee's rotation: each placement with its dates, school, straight-line distance, school days and state; the
 * total against the programme's target; and the contrast checks explained. `actions` says which buttons each
 * booking offers the viewer (reason-taking ones get a reason field).
 */
export function RotationView({
  rotation,
  actions,
  reply,
}: {
  rotation: Rotation;
  actions: (b: Rotation["bookings"][number]) => BookingAction[];
  reply?: FormReply;
}) {
  const { trainee, bookings, days, contrast } = rotation;
  return (
    <>
      <dl className="summary">
        <dt>Programme</dt>
        <dd>
          {formatPeriod(trainee.programmeStartsOn, trainee.programmeEndsOn)} with {trainee.providerName}
        </dd>
        <dt>Days in school</dt>
        <dd>
          {days.counted} of {days.target} booked
          {days.short > 0 ? <strong>: {days.short} days short</strong> : " — the target is met"}
        </dd>
        <dt>Home area</dt>
        <dd>
          {trainee.homeArea ?? "not given"}
          {trainee.maxTravelMiles ? `, travelling at most ${trainee.maxTravelMiles} miles` : ""}
        </dd>
      </dl>
      {!contrast.enoughSchools ? (
        <p className="panel" role="note">
          This rotation has placements at {contrast.distinctSchools === 0 ? "no schools" : "one school"} so far: every
          trainee needs at least two different schools.
        </p>
      ) : null}
      {contrast.warnings.map((w) => (
        <p className="panel" role="note" key={w.schools.join("|")}>
          {w.schools[0]} and {w.schools[1]} may not contrast enough: {w.reasons.join("; ")}.
        </p>
      ))}
      <WaitlistPanel rotation={rotation} reply={replyFor(reply, "hold")} />
      {bookings.length === 0 ? (
        <p>No placements yet.</p>
      ) : (
        <table className="rotation">
          <caption className="visually-hidden">Placements of {trainee.name}</caption>
          <thead>
            <tr>
              <th scope="col">Placement</th>
              <th scope="col">School</th>
              <th scope="col">Dates</th>
              <th scope="col">School days</th>
              <th scope="col">Distance from home</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {bookings.map((b) => (
              <tr key={b.id}>
                <th scope="row">{bookingLabelNames[b.label]}</th>
                <td>
                  {b.school.name}
                  {b.school.town ? `, ${b.school.town}` : ""}
                </td>
                <td>{formatPeriod(b.startsOn, b.endsOn)}</td>
                <td>
                  {b.schoolDays.days}
                  {b.schoolDays.bankHolidays + b.schoolDays.closures > 0 ? (
                    <span className="hint">
                      {" "}
                      (not counting {b.schoolDays.bankHolidays} bank holiday{b.schoolDays.bankHolidays === 1 ? "" : "s"}{" "}
                      and {b.schoolDays.closures} closure or INSET day{b.schoolDays.closures === 1 ? "" : "s"})
                    </span>
                  ) : null}
                  {b.schoolDays.holidaysKnown ? null : (
                    <span className="hint"> (bank holidays after 2027 not known)</span>
                  )}
                </td>
                <td>
                  {b.travel.label}
                  {b.travel.known && b.travel.overCap ? (
                    <strong> — over the {b.travel.capMiles}-mile limit</strong>
                  ) : null}
                  {b.travelOverrideReason ? <> (booked anyway: {b.travelOverrideReason})</> : null}
                </td>
                <td>
                  {stateLabels[b.state]}
                  {b.mentorName ? <>. Mentor: {b.mentorName}</> : null}
                  {b.reason ? <>. Reason: {b.reason}</> : null}
                </td>
                <td>
                  <BookingActions bookingId={b.id} actions={actions(b)} reply={replyFor(reply, "act", b.id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/**
 * The trainee's places on full offers' waiting lists. A place held for them shows its confirm-by time with Confirm
 * and Decline; a waiting place can be left.
 */
function WaitlistPanel({ rotation, reply }: { rotation: Rotation; reply?: FormReply }) {
  if (rotation.waitlist.length === 0) return null;
  return (
    <section aria-labelledby="waitlist-heading">
      <h2 id="waitlist-heading">Waiting lists</h2>
      <ErrorSummary reply={reply} prefix="hold" />
      <ul className="inbox">
        {rotation.waitlist.map((w) => (
          <li key={w.id} className="panel">
            <p>
              {bookingLabelNames[w.label]} at {w.schoolName}, {formatPeriod(w.startsOn, w.endsOn)}:{" "}
              {w.status === "held" && w.confirmBy ? (
                <strong>
                  a place is held for {rotation.trainee.name} until {formatConfirmBy(w.confirmBy)}. Confirm it or
                  decline it before then.
                </strong>
              ) : (
                <>number {w.position} on the waiting list.</>
              )}
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="hold" />
              <input type="hidden" name="entryId" value={w.id} />
              {/* Asked for only once the coordinator has been warned that the school is beyond the travel limit. */}
              {w.status === "held" && reply?.values.entryId === w.id && reply.fieldErrors.travelOverrideReason ? (
                <TextArea
                  prefix="hold"
                  name="travelOverrideReason"
                  label="Reason to book beyond the trainee's travel limit"
                  reply={reply}
                />
              ) : null}
              {w.status === "held" ? (
                <button type="submit" className="button" name="answer" value="confirm">
                  Confirm the held place at {w.schoolName}
                </button>
              ) : null}
              <button type="submit" className="button button--secondary" name="answer" value="decline">
                {w.status === "held"
                  ? `Decline the held place at ${w.schoolName}`
                  : `Leave the waiting list at ${w.schoolName}`}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}

function BookingActions({
  bookingId,
  actions,
  reply,
}: {
  bookingId: string;
  actions: BookingAction[];
  reply?: FormReply;
}) {
  if (actions.length === 0) return null;
  const plain = actions.filter((a) => a !== "cancel" && a !== "decline");
  const withReason = actions.filter((a) => a === "cancel" || a === "decline");
  const prefix = `act-${bookingId.slice(0, 8)}`;
  return (
    <>
      <ErrorSummary reply={reply} prefix={prefix} />
      {plain.map((a) => (
        <Form method="post" key={a}>
          <input type="hidden" name="intent" value="act" />
          <input type="hidden" name="bookingId" value={bookingId} />
          <button type="submit" className="button button--secondary" name="action" value={a}>
            {actionLabels[a]}
          </button>
        </Form>
      ))}
      {withReason.length > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="act" />
          <input type="hidden" name="bookingId" value={bookingId} />
          <TextArea prefix={prefix} name="reason" label="Reason" reply={reply} />
          {withReason.map((a) => (
            <button type="submit" className="button button--secondary" name="action" value={a} key={a}>
              {actionLabels[a]}
            </button>
          ))}
        </Form>
      ) : null}
    </>
  );
}

export type OfferOption = { value: string; label: string };

/** Booking one place on an offer for a trainee: which offer, which placement, and the dates inside its window. */
export function BookingForm({
  traineeId,
  offers,
  reply,
  submitLabel,
  defaultOffer,
  travelOverride,
}: {
  traineeId: string;
  offers: OfferOption[];
  reply?: FormReply;
  submitLabel: string;
  defaultOffer?: string;
  /** The coordinator's form: a booking beyond the trainee's travel limit needs a reason. */
  travelOverride?: boolean;
}) {
  return (
    <Form method="post" className="panel" noValidate>
      <ErrorSummary reply={reply} prefix="book" />
      <input type="hidden" name="intent" value="book" />
      <input type="hidden" name="traineeId" value={traineeId} />
      <Select
        prefix="book"
        name="offerId"
        label="Offer"
        hint="Open offers with places left, nearest to the trainee's home first"
        options={offers}
        reply={reply}
        defaultValue={defaultOffer}
        placeholder="Choose an offer"
      />
      <Select
        prefix="book"
        name="label"
        label="Which placement"
        options={bookingLabels.map((l) => ({ value: l, label: bookingLabelNames[l] }))}
        reply={reply}
      />
      <Input
        prefix="book"
        name="startsOn"
        label="First day"
        type="date"
        reply={reply}
        hint="Inside the offer's window"
      />
      <Input prefix="book" name="endsOn" label="Last day" type="date" reply={reply} />
      {travelOverride ? (
        <TextArea
          prefix="book"
          name="travelOverrideReason"
          label="Reason to book beyond the trainee's travel limit (only when it is over)"
          reply={reply}
        />
      ) : null}
      <div className="field choice">
        <input
          id="book-waitlist"
          type="checkbox"
          name="waitlist"
          value="yes"
          defaultChecked={reply ? reply.values.waitlist === "yes" : true}
        />
        <label htmlFor="book-waitlist">If the offer is full, join its waiting list</label>
      </div>
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}

/** How an offer reads in a list of choices. */
export function offerOptionLabel(o: {
  schoolName: string;
  phase: string;
  subjects: string[];
  startsOn: string;
  endsOn: string;
  places: number;
  taken: number;
  metres: number | null;
}): string {
  const what = o.subjects.length > 0 ? o.subjects.join(", ") : o.phase;
  const distance = o.metres === null ? "" : `, ${(o.metres / 1609.344).toFixed(1)} miles in a straight line`;
  const left = o.taken >= o.places ? "full: join the waiting list" : `${o.places - o.taken} of ${o.places} places left`;
  return `${o.schoolName} (${what}), ${formatDay(o.startsOn)} to ${formatDay(o.endsOn)}, ${left}${distance}`;
}
