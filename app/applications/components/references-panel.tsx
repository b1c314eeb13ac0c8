import { Form } from "@remix-run/react";
import { ErrorSummary, replyFor } from "../../components/intent-fields";
import type { FormReply } from "../../components/intent-forms.server";
import { formatLondon } from "../../vocabulary/london-time";
import type { ReferenceAnswers } from "../../vocabulary/applications";
import { answerLabels, referenceQuestions } from "../reference-form";
import type { RefereeState } from "../references.server";

type When = string | Date | null;
export type RefereeLine = {
  name: string;
  jobTitle: string;
  organisation: string;
  currentEmployer: boolean;
  contactBeforeInterview: boolean | null;
  state: RefereeState;
  requestedAt: When;
  remindedAt: When;
  answeredAt: When;
  expiresAt: When;
  answers: ReferenceAnswers | null;
};

const stateText: Record<RefereeState, string> = {
  "not-requested": "Not requested",
  requested: "Requested: waiting for an answer",
  expired: "Link expired without an answer",
  received: "Received",
  cancelled: "Cancelled",
};

function status(r: RefereeLine): string {
  const at = (label: string, when: When) => (when ? `${label} ${formatLondon(when)}` : "");
  const details = [
    at("asked", r.requestedAt),
    at("reminded", r.remindedAt),
    r.state === "requested" ? at("link works until", r.expiresAt) : "",
    at("answered", r.answeredAt),
  ].filter(Boolean);
  return `${stateText[r.state]}${details.length ? ` (${details.join("; ")})` : ""}`;
}

const said = (key: keyof ReferenceAnswers, value: string) =>
  key === "concernsAboutChildren" || key === "disciplinary" || key === "wouldReemploy"
    ? answerLabels[value as keyof typeof answerLabels]
    : value;

/** A received reference, question by question; empty optional answers are left out. */
function Answers({ answers }: { answers: ReferenceAnswers }) {
  const keys = (Object.keys(referenceQuestions) as (keyof ReferenceAnswers)[]).filter((k) => answers[k] !== "");
  return (
    <dl className="summary">
      {keys.map((k) => (
        <div key={k}>
          <dt>{referenceQuestions[k]}</dt>
          <dd>{said(k, answers[k])}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The employer's view of an application's references: each referee's state, the answers once given (the employer's
 * only), and the button that asks those who may be asked now. Mounted on the HR application page.
 */
export function ReferencesPanel({
  referees,
  request,
  reply,
}: {
  referees: RefereeLine[];
  request: { allowed: boolean; message: string };
  reply?: FormReply;
}) {
  const mine = replyFor(reply, "request-references");
  return (
    <section aria-labelledby="references-heading">
      <h2 id="references-heading">References</h2>
      {referees.length === 0 ? <p>This application names no referees.</p> : null}
      {referees.map((r, i) => (
        <article key={i} className="panel">
          <h3>
            {r.name}, {r.jobTitle} at {r.organisation}
          </h3>
          <p>
            {r.currentEmployer ? "Current or most recent employer. " : ""}
            {r.contactBeforeInterview === true
              ? "May be contacted before interview."
              : "Not to be contacted before an offer."}
          </p>
          <p>
            <strong>{status(r)}</strong>
          </p>
          {r.answers ? <Answers answers={r.answers} /> : null}
        </article>
      ))}
      <Form method="post" className="form">
        <ErrorSummary reply={mine} prefix="request-references" />
        <input type="hidden" name="intent" value="request-references" />
        <p id="request-references-hint">{request.message}.</p>
        {request.allowed ? (
          <button type="submit" className="button" aria-describedby="request-references-hint">
            Request references
          </button>
        ) : null}
      </Form>
    </section>
  );
}
