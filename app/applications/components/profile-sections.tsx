import { Form } from "@remix-run/react";
import type { FormReply } from "../../components/intent-forms.server";
import { ErrorSummary, Input, replyFor, Select, TextArea } from "../../components/intent-fields";
import {
  equalityQuestions,
  qtsStatusLabels,
  rightToWorkLabels,
  type EqualityAnswers,
} from "../../vocabulary/applications";
import { describeMonth, type Gap } from "../profile";
import type { EditableProfile } from "../profile.server";

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const yesNo = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

function Intent({ name }: { name: string }) {
  return <input type="hidden" name="intent" value={name} />;
}

function RemoveButton({ kind, id, what }: { kind: string; id: string; what: string }) {
  return (
    <Form method="post" className="inline-form">
      <Intent name="remove" />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="entryId" value={id} />
      <button type="submit" className="button button--secondary">
        Remove {what}
      </button>
    </Form>
  );
}

export function AboutSection({ profile, reply }: { profile: EditableProfile; reply?: FormReply }) {
  const r = replyFor(reply, "about");
  return (
    <section aria-labelledby="about" className="panel">
      <h2 id="about">About you</h2>
      <p>
        {profile.name}, {profile.email} (change these on <a href="/account">your account</a>)
      </p>
      <Form method="post" noValidate>
        <ErrorSummary reply={r} prefix="about" />
        <Intent name="about" />
        <Input
          prefix="about"
          name="phone"
          label="Phone number"
          type="tel"
          autoComplete="tel"
          defaultValue={profile.phone}
          reply={r}
        />
        <Select
          prefix="about"
          name="qtsStatus"
          label="Qualified teacher status"
          options={options(qtsStatusLabels)}
          placeholder="Choose one"
          defaultValue={profile.qtsStatus ?? ""}
          reply={r}
        />
        <Input
          prefix="about"
          name="trn"
          label="Teacher reference number (TRN)"
          hint="7 digits, on your QTS certificate or your DfE Identity account. Leave it empty if you have none yet."
          defaultValue={profile.trn ?? ""}
          reply={r}
        />
        <Select
          prefix="about"
          name="rightToWork"
          label="Do you have the right to work in the UK?"
          options={options(rightToWorkLabels)}
          placeholder="Choose one"
          defaultValue={profile.rightToWork ?? ""}
          reply={r}
        />
        <TextArea
          prefix="about"
          name="interviewSupport"
          label="Support you need for an interview (optional)"
          hint="For example step-free access, or extra time for a task. Employers see this only to make arrangements."
          defaultValue={profile.interviewSupport}
          reply={r}
        />
        <button type="submit" className="button">
          Save your details
        </button>
      </Form>
    </section>
  );
}

export function QualificationsSection({ profile, reply }: { profile: EditableProfile; reply?: FormReply }) {
  const r = replyFor(reply, "add-qualification");
  return (
    <section aria-labelledby="qualifications" className="panel">
      <h2 id="qualifications">Qualifications</h2>
      {profile.qualifications.length === 0 ? <p>No qualifications yet.</p> : null}
      <ul className="inbox">
        {profile.qualifications.map((q, i) => (
          <li key={profile.ids.qualifications[i]}>
            {q.title}, {q.institution}, {q.year}
            {q.grade ? ` (${q.grade})` : ""}{" "}
            <RemoveButton kind="qualification" id={profile.ids.qualifications[i] ?? ""} what={q.title} />
          </li>
        ))}
      </ul>
      <h3>Add a qualification</h3>
      <Form method="post" noValidate>
        <ErrorSummary reply={r} prefix="qualification" />
        <Intent name="add-qualification" />
        <Input
          prefix="qualification"
          name="title"
          label="Qualification"
          hint="For example PGCE Secondary Geography"
          reply={r}
        />
        <Input prefix="qualification" name="institution" label="Where you studied" reply={r} />
        <Input prefix="qualification" name="grade" label="Grade or class (optional)" reply={r} />
        <Input
          prefix="qualification"
          name="year"
          label="Year awarded"
          type="number"
          hint="For example 2019"
          reply={r}
        />
        <button type="submit" className="button">
          Add the qualification
        </button>
      </Form>
    </section>
  );
}

export function EmploymentSection({
  profile,
  gaps,
  reply,
}: {
  profile: EditableProfile;
  gaps: Gap[];
  reply?: FormReply;
}) {
  const r = replyFor(reply, "add-job");
  return (
    <section aria-labelledby="employment" className="panel">
      <h2 id="employment">Employment history</h2>
      <p>
        Every job since you left school, including work outside teaching, to the month. Schools must ask about any gap
        of more than a month (Keeping Children Safe in Education).
      </p>
      {profile.employment.length === 0 ? <p>No jobs yet.</p> : null}
      <ul className="inbox">
        {profile.employment.map((j, i) => (
          <li key={profile.ids.employment[i]}>
            {j.jobTitle}, {j.employer}: {describeMonth(j.startedOn)} to {j.endedOn ? describeMonth(j.endedOn) : "now"}
            {j.reasonForLeaving ? `. Left because: ${j.reasonForLeaving}` : ""}{" "}
            <RemoveButton kind="job" id={profile.ids.employment[i] ?? ""} what={`${j.jobTitle}, ${j.employer}`} />
          </li>
        ))}
      </ul>
      {gaps.map((gap) => {
        const key = `${gap.from}-${gap.to ?? "now"}`;
        const g = replyFor(reply, "explain-gap", gap.from, "gapFrom");
        const explained = profile.gaps.find((e) => e.from === gap.from && e.to === gap.to);
        const label = `${describeMonth(gap.from)} to ${gap.to ? describeMonth(gap.to) : "now"}`;
        return (
          <Form method="post" key={key} noValidate className="panel">
            <ErrorSummary reply={g} prefix={`gap-${key}`} />
            <Intent name="explain-gap" />
            <input type="hidden" name="gapFrom" value={gap.from} />
            <input type="hidden" name="gapTo" value={gap.to ?? ""} />
            <TextArea
              prefix={`gap-${key}`}
              name="explanation"
              label={`What were you doing from ${label}? (${gap.months} months)`}
              hint={explained ? undefined : "Not explained yet: an application cannot be sent until it is."}
              defaultValue={explained?.explanation}
              reply={g}
            />
            <button type="submit" className="button">
              Save the explanation for {label}
            </button>
          </Form>
        );
      })}
      <h3>Add a job</h3>
      <Form method="post" noValidate>
        <ErrorSummary reply={r} prefix="job" />
        <Intent name="add-job" />
        <Input prefix="job" name="employer" label="Employer" reply={r} />
        <Input prefix="job" name="jobTitle" label="Job title" reply={r} />
        <Input
          prefix="job"
          name="startedOn"
          label="Month you started"
          type="month"
          hint="For example 2019-09"
          reply={r}
        />
        <Input prefix="job" name="endedOn" label="Month you left" type="month" hint="For example 2024-07" reply={r} />
        <div className="choice">
          <input
            type="checkbox"
            id="job-current"
            name="current"
            value="yes"
            defaultChecked={r?.values.current === "yes"}
          />
          <label htmlFor="job-current">I work here now</label>
        </div>
        <Input prefix="job" name="reasonForLeaving" label="Reason for leaving (optional)" reply={r} />
        <button type="submit" className="button">
          Add the job
        </button>
      </Form>
    </section>
  );
}

export function RefereesSection({ profile, reply }: { profile: EditableProfile; reply?: FormReply }) {
  const r = replyFor(reply, "add-referee");
  return (
    <section aria-labelledby="referees" className="panel">
      <h2 id="referees">Referees</h2>
      <p>
        At least two, one of them from your current or most recent employer. Employers ask them only after shortlisting,
        and before interview only if you agree.
      </p>
      {profile.referees.length === 0 ? <p>No referees yet.</p> : null}
      <ul className="inbox">
        {profile.referees.map((ref, i) => (
          <li key={profile.ids.referees[i]}>
            {ref.name}, {ref.jobTitle}, {ref.organisation} ({ref.email}).{" "}
            {ref.currentEmployer ? "Current or most recent employer. " : ""}
            {ref.contactBeforeInterview ? "May be contacted before interview." : "Only after an offer."}{" "}
            <RemoveButton kind="referee" id={profile.ids.referees[i] ?? ""} what={ref.name} />
          </li>
        ))}
      </ul>
      <h3>Add a referee</h3>
      <Form method="post" noValidate>
        <ErrorSummary reply={r} prefix="referee" />
        <Intent name="add-referee" />
        <Input prefix="referee" name="name" label="Name" reply={r} />
        <Input prefix="referee" name="jobTitle" label="Job title" reply={r} />
        <Input prefix="referee" name="organisation" label="Organisation" reply={r} />
        <Input prefix="referee" name="email" label="E-mail address" type="email" reply={r} />
        <Input prefix="referee" name="phone" label="Phone number (optional)" type="tel" reply={r} />
        <Input
          prefix="referee"
          name="relationship"
          label="How do they know you?"
          hint="For example: my headteacher"
          reply={r}
        />
        <Select
          prefix="referee"
          name="currentEmployer"
          label="Are they from your current or most recent employer?"
          options={yesNo}
          placeholder="Choose one"
          reply={r}
        />
        <Select
          prefix="referee"
          name="contactBeforeInterview"
          label="May the employer contact them before an interview?"
          options={yesNo}
          placeholder="Choose one"
          reply={r}
        />
        <button type="submit" className="button">
          Add the referee
        </button>
      </Form>
    </section>
  );
}

export function StatementSection({ profile, reply }: { profile: EditableProfile; reply?: FormReply }) {
  const r = replyFor(reply, "statement");
  return (
    <section aria-labelledby="statement" className="panel">
      <h2 id="statement">Personal statement</h2>
      <Form method="post" noValidate>
        <ErrorSummary reply={r} prefix="statement" />
        <Intent name="statement" />
        <TextArea
          prefix="statement"
          name="personalStatement"
          label="Your personal statement"
          hint="Why you teach, and what you bring. Each application can add a few words for that school."
          defaultValue={profile.personalStatement}
          rows={10}
          reply={r}
        />
        <button type="submit" className="button">
          Save your statement
        </button>
      </Form>
    </section>
  );
}

export function EqualitySection({ answers, reply }: { answers: EqualityAnswers; reply?: FormReply }) {
  const r = replyFor(reply, "equality");
  return (
    <section aria-labelledby="equality" className="panel">
      <h2 id="equality">Equality monitoring (optional)</h2>
      <p>
        Kept apart from your profile. Nobody who shortlists sees it: employers see only totals for a vacancy, and only
        once it has five applications or more.
      </p>
      <Form method="post" noValidate>
        <ErrorSummary reply={r} prefix="equality" />
        <Intent name="equality" />
        {Object.entries(equalityQuestions).map(([key, q]) => (
          <Select
            key={key}
            prefix="equality"
            name={key}
            label={q.label}
            options={q.options.map((o) => ({ value: o, label: o }))}
            placeholder="Not answered"
            defaultValue={answers[key as keyof EqualityAnswers] ?? ""}
            reply={r}
          />
        ))}
        <button type="submit" className="button">
          Save your answers
        </button>
      </Form>
    </section>
  );
}
