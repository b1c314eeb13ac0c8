import { Form } from "@remix-run/react";
import type { FormReply } from "../../components/intent-forms.server";
import { ErrorSummary, Input, replyFor, Select, TextArea } from "../../components/intent-fields";
import { formatLondonDate } from "../../vocabulary/london-time";
import type { AssignmentRow } from "../assignment-schemas";

type AssignmentItem = Omit<AssignmentRow, "ectId" | "employingSchoolId" | "hostSchoolId">;

function statusText(a: AssignmentItem): string {
  switch (a.status) {
    case "accepted":
      return "Accepted by both schools";
    case "declined":
      return `Declined${a.reason ? `: ${a.reason}` : ""}`;
    case "withdrawn":
      return `Withdrawn${a.reason ? `: ${a.reason}` : ""}`;
    case "proposed": {
      const waiting = [
        a.employerAcceptedByName ? null : a.employingSchoolName,
        a.hostAcceptedByName ? null : a.hostSchoolName,
      ].filter(Boolean);
      return `Proposed, waiting for ${waiting.join(" and ")} to accept`;
    }
  }
}

/** Which form this is and which assignment it answers. */
function Answering({ intent, assignmentId }: { intent: string; assignmentId: string }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
    </>
  );
}

const period = (a: Pick<AssignmentItem, "startsOn" | "endsOn">) =>
  a.startsOn === a.endsOn
    ? formatLondonDate(a.startsOn)
    : `${formatLondonDate(a.startsOn)} to ${formatLondonDate(a.endsOn)}`;

/**
 * Early-career assignments with the answers open to the reader: accept for their school or decline with a reason
 * (either school's answerer), withdraw with a reason (the proposer). `showEct` names the ECT on each (the list of
 * everyone's); an ECT's record leaves it out. The forms post to `action` (this page when absent), whose action must
 * hand them to `assignmentFromForm` (app/programmes/assignment-actions.server.ts).
 */
export function AssignmentList({
  assignments,
  reply,
  showEct = true,
  action,
  headingLevel = 2,
}: {
  assignments: AssignmentItem[];
  reply?: FormReply;
  showEct?: boolean;
  action?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h3" : "h4";
  if (assignments.length === 0) return <p>No assignments to other schools.</p>;
  return (
    <ul className="inbox">
      {assignments.map((a) => {
        const prefix = `assignment-${a.id.slice(0, 8)}`;
        const decide = replyFor(reply, "assignment-decide", a.id, "assignmentId");
        const withdraw = replyFor(reply, "assignment-withdraw", a.id, "assignmentId");
        const canAnswer = a.canAcceptAsEmployer || a.canAcceptAsHost;
        const title = `${showEct ? `${a.ectName} at ` : ""}${a.hostSchoolName}`;
        return (
          <li key={a.id} className="panel">
            <Heading>{title}</Heading>
            <dl className="summary">
              <dt>Dates</dt>
              <dd>{period(a)}</dd>
              <dt>Employed by</dt>
              <dd>{a.employingSchoolName}</dd>
              <dt>What it is for</dt>
              <dd>{a.purpose}</dd>
              <dt>Status</dt>
              <dd>{statusText(a)}</dd>
              {a.proposedByName ? (
                <>
                  <dt>Proposed by</dt>
                  <dd>{a.proposedByName}</dd>
                </>
              ) : null}
            </dl>
            {canAnswer ? (
              <>
                <ErrorSummary reply={decide} prefix={`${prefix}-decide`} />
                <Form method="post" action={action}>
                  <Answering intent="assignment-decide" assignmentId={a.id} />
                  <button type="submit" className="button" name="action" value="accept">
                    Accept {title} for{" "}
                    {a.canAcceptAsEmployer && a.canAcceptAsHost
                      ? "both schools"
                      : a.canAcceptAsEmployer
                        ? a.employingSchoolName
                        : a.hostSchoolName}
                  </button>
                </Form>
                <Form method="post" action={action} noValidate>
                  <Answering intent="assignment-decide" assignmentId={a.id} />
                  <TextArea
                    prefix={`${prefix}-decide`}
                    name="reason"
                    label={`Reason for declining ${title}`}
                    reply={decide}
                  />
                  <button type="submit" className="button button--secondary" name="action" value="decline">
                    Decline {title}
                  </button>
                </Form>
              </>
            ) : null}
            {a.canWithdraw ? (
              <Form method="post" action={action} noValidate>
                <ErrorSummary reply={withdraw} prefix={`${prefix}-withdraw`} />
                <Answering intent="assignment-withdraw" assignmentId={a.id} />
                <TextArea
                  prefix={`${prefix}-withdraw`}
                  name="reason"
                  label={`Reason for withdrawing ${title}`}
                  reply={withdraw}
                />
                <button type="submit" className="button button--secondary">
                  Withdraw {title}
                </button>
              </Form>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The proposal form: an ECT (or the one whose record this is, `ectId`), a host school of the partnership, inclusive
 * dates and what the time is for.
 */
export function ProposeAssignmentForm({
  choices,
  reply,
  ectId,
  action,
}: {
  choices: { ects: { id: string; name: string; schoolName: string }[]; hosts: { id: string; name: string }[] };
  reply?: FormReply;
  ectId?: string;
  action?: string;
}) {
  const r = replyFor(reply, "assignment-propose");
  return (
    <Form method="post" action={action} className="panel" noValidate>
      <ErrorSummary reply={r} prefix="propose" />
      <input type="hidden" name="intent" value="assignment-propose" />
      {ectId ? (
        <input type="hidden" name="ectId" value={ectId} />
      ) : (
        <Select
          prefix="propose"
          name="ectId"
          label="Early career teacher"
          options={choices.ects.map((e) => ({ value: e.id, label: `${e.name} (${e.schoolName})` }))}
          placeholder="Choose an ECT"
          reply={r}
        />
      )}
      <Select
        prefix="propose"
        name="hostSchoolId"
        label="Host school"
        hint="A school of the partnership, other than the one that employs the ECT"
        options={choices.hosts.map((h) => ({ value: h.id, label: h.name }))}
        placeholder="Choose a school"
        reply={r}
      />
      <Input prefix="propose" name="startsOn" type="date" label="First day" reply={r} />
      <Input prefix="propose" name="endsOn" type="date" label="Last day" reply={r} />
      <TextArea
        prefix="propose"
        name="purpose"
        label="What it is for"
        hint="For example: a term in a special school, to build adaptive teaching for pupils with complex needs"
        reply={r}
      />
      <button type="submit" className="button">
        Propose the assignment
      </button>
    </Form>
  );
}
