import { Form } from "@remix-run/react";
import { ErrorSummary } from "../../components/intent-fields";
import type { FormReply } from "../../components/intent-forms.server";
import { formatLondon } from "../../vocabulary/london-time";
import { attendanceMarkLabels, ENGAGEMENT_MARKER } from "../../vocabulary/programmes";
import type { Timetable } from "../timetable.server";

/** An ECT's timetable: engagement, time per term, sessions with their marks, and optional sessions to choose. */
export function TimetableView({
  timetable,
  reply,
  canChoose,
  who,
}: {
  timetable: Timetable;
  reply?: FormReply;
  canChoose: boolean;
  /** "your" on the ECT's own page, the ECT's name elsewhere. */
  who: string;
}) {
  const { engagement, terms, sessions, choices } = timetable;
  return (
    <>
      <h2 id="engagement">Engagement</h2>
      {engagement.percent === null ? (
        <p>No register has been taken for {who} sessions yet.</p>
      ) : (
        <p>
          <strong>{engagement.percent}%</strong> of expected sessions attended ({engagement.present} present,{" "}
          {engagement.absent} absent{engagement.excused > 0 ? `, ${engagement.excused} excused and not counted` : ""}).{" "}
          {engagement.belowMarker
            ? `Below the ${ENGAGEMENT_MARKER * 100}% marker: a prompt to talk about support, not a judgement.`
            : `At or above the ${ENGAGEMENT_MARKER * 100}% marker.`}
        </p>
      )}
      <p className="hint">
        Engagement is attended of expected sessions, excused absences left out. It is evidence for the programme and the
        induction tutor, never a pass or fail: training is not assessed.
      </p>

      <h2 id="time">Training time each term</h2>
      {timetable.ect.weeklyContactHours === null ? (
        <p>
          The school has not set its standard weekly contact hours yet, so the time released by the timetable reduction
          cannot be shown.
        </p>
      ) : null}
      <table>
        <caption className="visually-hidden">Hours of training each term against released time</caption>
        <thead>
          <tr>
            <th scope="col">Term</th>
            <th scope="col">Induction year</th>
            <th scope="col">Training booked (hours)</th>
            <th scope="col">Released time (hours)</th>
          </tr>
        </thead>
        <tbody>
          {terms.map((t) => (
            <tr key={t.label}>
              <th scope="row">{t.label}</th>
              <td>Year {t.inductionYear}</td>
              <td>{t.trainingHours}</td>
              <td>{t.releasedHours ?? "Not set"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Released time is 10% of the school&apos;s standard contact hours in year 1 and 5% in year 2, at the working
        pattern ({timetable.ect.ftePercent}% of full time).
      </p>

      <h2 id="sessions">Sessions</h2>
      {sessions.length === 0 ? (
        <p>No sessions booked yet.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Training sessions</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Session</th>
              <th scope="col">Where</th>
              <th scope="col">Attendance</th>
              {canChoose ? <th scope="col">Place</th> : null}
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>{formatLondon(s.startsAt)}</td>
                <th scope="row">
                  {s.title}
                  <br />
                  <span className="hint">
                    {s.programmeName}, year {s.inductionYear}
                    {s.strand ? `, ${s.strand}` : ""}, {s.optional ? "optional" : "core"}
                  </span>
                </th>
                <td>{s.cancelled ? `Cancelled: ${s.cancelReason ?? ""}` : s.venue}</td>
                <td>{s.mark ? `${attendanceMarkLabels[s.mark]}${s.reason ? ` (${s.reason})` : ""}` : "Not taken"}</td>
                {canChoose ? (
                  <td>
                    {s.optional && !s.cancelled && s.mark === null && new Date(s.startsAt) > new Date() ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="cancel-booking" />
                        <input type="hidden" name="sessionId" value={s.id} />
                        <button type="submit" className="button button--secondary">
                          Give up this place<span className="visually-hidden"> for {s.title}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {canChoose ? (
        <>
          <h2 id="choose">Optional sessions to choose</h2>
          <ErrorSummary reply={reply} prefix="choose" />
          {choices.length === 0 ? (
            <p>No optional sessions are open to choose.</p>
          ) : (
            // The error summary links here: a refused choice is about this list.
            <ul className="cards" id="choose-sessionId" tabIndex={-1}>
              {choices.map((c) => (
                <li key={c.id}>
                  <strong>{c.title}</strong>, {formatLondon(c.startsAt)}, {c.venue}.{" "}
                  {c.placesLeft > 0 ? `${c.placesLeft} place${c.placesLeft === 1 ? "" : "s"} left.` : "Full."}
                  {c.placesLeft > 0 ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="book" />
                      <input type="hidden" name="sessionId" value={c.id} />
                      <button type="submit" className="button">
                        Book a place<span className="visually-hidden"> for {c.title}</span>
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </>
  );
}
