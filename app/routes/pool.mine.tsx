import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../auth/guards.server";
import { ErrorSummary, replyFor, Select, TextArea } from "../components/intent-fields";
import type { FormReply } from "../components/intent-forms.server";
import { isUuid } from "../forms/fields";
import { applicationAction } from "../pool/actions.server";
import { myPoolApplications } from "../pool/apply.server";
import { editable } from "../pool/rounds";
import { bookingsOf, slotsOf } from "../pool/slots.server";
import { db } from "../services.server";
import { formatLondonDate, formatLondonSpan } from "../vocabulary/london-time";
import { poolStatusLabels, screeningStepLabels, type ScreeningStep } from "../vocabulary/pool";

export const meta: MetaFunction = () => [{ title: "Your pool applications – Staffroom" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const mine = await myPoolApplications(db(), user.id);
  const withSlots = await Promise.all(
    mine.map(async (m) => {
      const bookings = m.status === "screening" ? await bookingsOf(db(), m.id) : [];
      const open =
        m.status === "screening" && m.step && m.step !== "application_review"
          ? (await slotsOf(db(), m.roundId, false)).filter((s) => s.step === m.step && s.booked < s.capacity)
          : [];
      return { ...m, bookings, open };
    }),
  );
  return json({ mine: withSlots });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const formData = await request.formData();
  const memberId = formData.get("memberId");
  if (typeof memberId !== "string" || !isUuid(memberId)) throw notFound();
  const answer = await applicationAction(request, formData, user.id, memberId);
  if (!answer) throw notFound();
  return answer;
}

export default function MyPool() {
  const { mine } = useLoaderData<typeof loader>();
  const data = useActionData<FormReply>();
  return (
    <>
      <h1>Your pool applications</h1>
      <p>
        <Link to="/pool">Teacher pool rounds</Link> · <Link to="/pool/offers">Schools interested in you</Link>
      </p>
      {mine.length === 0 ? <p>You have not applied to a pool round yet.</p> : null}
      {mine.map((m) => {
        const scoped = (intent: string) => replyFor(data, intent, m.id, "memberId");
        const step = m.step as ScreeningStep | null;
        return (
          <section key={m.id} className="panel" aria-labelledby={`round-${m.id}`}>
            <h2 id={`round-${m.id}`}>{m.roundName}</h2>
            <p>
              {m.partnershipName}. <strong>{poolStatusLabels[m.status]}</strong>
              {step ? `: ${screeningStepLabels[step]}` : ""}.
            </p>
            {m.status === "draft" ? (
              <p>
                <Link to={`/pool/rounds/${m.roundId}/apply`}>Finish and send your application</Link>
              </p>
            ) : null}
            {m.status === "not_this_time" ? (
              <>
                <h3>The panel&apos;s feedback</h3>
                <p className="prose">{m.feedback}</p>
              </>
            ) : null}
            {m.bookings.length > 0 ? (
              <>
                <h3>Your booked times</h3>
                <ul>
                  {m.bookings.map((b) => (
                    <li key={b.id}>
                      {screeningStepLabels[b.step]}: {formatLondonSpan(b.startsAt, b.endsAt)},{" "}
                      {[b.schoolName, b.place].filter(Boolean).join(", ") || "online"}{" "}
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="cancel-booking" />
                        <input type="hidden" name="memberId" value={m.id} />
                        <input type="hidden" name="bookingId" value={b.id} />
                        <button type="submit" className="button button--secondary">
                          Cancel<span className="visually-hidden"> this booking</span>
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {step && step !== "application_review" ? (
              m.open.length === 0 ? (
                <p>No {screeningStepLabels[step].toLowerCase()} slots are free yet: the panel will add more.</p>
              ) : (
                <Form method="post" noValidate>
                  <ErrorSummary reply={scoped("book")} prefix={`book-${m.id}`} />
                  <input type="hidden" name="intent" value="book" />
                  <input type="hidden" name="memberId" value={m.id} />
                  <Select
                    prefix={`book-${m.id}`}
                    name="slotId"
                    label={`Choose your ${screeningStepLabels[step].toLowerCase()} time`}
                    options={m.open.map((s) => ({
                      value: s.id,
                      label: `${formatLondonSpan(s.startsAt, s.endsAt)}, ${[s.schoolName, s.place].filter(Boolean).join(", ") || "online"}`,
                    }))}
                    reply={scoped("book")}
                  />
                  <button type="submit" className="button">
                    {m.bookings.length > 0 ? "Change to this time" : "Book this time"}
                  </button>
                </Form>
              )
            ) : null}
            {editable(m.status) && m.status !== "draft" ? (
              <>
                <h3>Who can see you</h3>
                <p>
                  {m.shownToSchools
                    ? `Schools taking part can find you${m.status === "pooled" ? "" : " once you are in the pool"}, except those you hid from.`
                    : "No school can see your profile."}
                  {m.retainUntil
                    ? ` Unless you are appointed or renew your consent, your pool profile is deleted after ${formatLondonDate(`${m.retainUntil}T12:00:00Z`)}.`
                    : ""}
                </p>
                <Form method="post">
                  <ErrorSummary reply={scoped("consent")} prefix={`consent-${m.id}`} />
                  <input type="hidden" name="intent" value="consent" />
                  <input type="hidden" name="memberId" value={m.id} />
                  {m.shownToSchools ? (
                    <>
                      <button type="submit" name="shown" value="no" className="button button--warning">
                        Hide me from every school now
                      </button>{" "}
                      <button type="submit" name="shown" value="yes" className="button button--secondary">
                        Keep me in for six more months
                      </button>
                    </>
                  ) : (
                    <button type="submit" name="shown" value="yes" className="button">
                      Show my profile to the schools taking part
                    </button>
                  )}
                </Form>
                <p>
                  <Link to={`/pool/rounds/${m.roundId}/apply`}>Change your preferences or who you hide from</Link>
                </p>
                <details>
                  <summary>Withdraw from this round</summary>
                  <Form method="post" noValidate>
                    <ErrorSummary reply={scoped("withdraw")} prefix={`withdraw-${m.id}`} />
                    <input type="hidden" name="intent" value="withdraw" />
                    <input type="hidden" name="memberId" value={m.id} />
                    <TextArea
                      prefix={`withdraw-${m.id}`}
                      name="reason"
                      label="Why (optional)"
                      reply={scoped("withdraw")}
                    />
                    <button type="submit" className="button button--warning">
                      Withdraw
                    </button>
                  </Form>
                </details>
              </>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
