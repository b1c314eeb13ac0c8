import { qtsStatusLabels, rightToWorkLabels } from "../../vocabulary/applications";
import { describeMonth, type ApplicationProfile } from "../profile";

const span = (from: string, to: string | null) => `${describeMonth(from)} to ${to ? describeMonth(to) : "now"}`;

/**
 * An application's copy of the profile, read back: to the teacher before sending, and to the employer. Where the
 * employer may not yet see who applied, `hidden` says so in place of the name, contact details and referees.
 */
export function ProfileSummary({
  profile,
  supportingStatement,
  hidden,
  headingLevel = 2,
}: {
  profile: ApplicationProfile;
  supportingStatement: string;
  hidden?: string;
  headingLevel?: 2 | 3;
}) {
  const H: "h2" | "h3" = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="application-summary">
      <H>Applicant</H>
      {hidden ? (
        <p>{hidden}</p>
      ) : (
        <dl className="summary">
          <dt>Name</dt>
          <dd>{profile.name}</dd>
          <dt>E-mail</dt>
          <dd>{profile.email}</dd>
          <dt>Phone</dt>
          <dd>{profile.phone || "Not given"}</dd>
        </dl>
      )}
      <dl className="summary">
        <dt>Qualified teacher status</dt>
        <dd>{profile.qtsStatus ? qtsStatusLabels[profile.qtsStatus] : "Not answered"}</dd>
        <dt>TRN</dt>
        <dd>{profile.trn ?? "None given"}</dd>
        <dt>Right to work in the UK</dt>
        <dd>{profile.rightToWork ? rightToWorkLabels[profile.rightToWork] : "Not answered"}</dd>
        <dt>Support for interview</dt>
        <dd>{profile.interviewSupport || "None asked for"}</dd>
      </dl>
      <H>Qualifications</H>
      {profile.qualifications.length === 0 ? <p>None given.</p> : null}
      <ul>
        {profile.qualifications.map((q, i) => (
          <li key={i}>
            {q.title}, {q.institution}, {q.year}
            {q.grade ? ` (${q.grade})` : ""}
          </li>
        ))}
      </ul>
      <H>Employment history</H>
      {profile.employment.length === 0 ? <p>None given.</p> : null}
      <ul>
        {profile.employment.map((j, i) => (
          <li key={i}>
            {j.jobTitle}, {j.employer}: {span(j.startedOn, j.endedOn)}
            {j.reasonForLeaving ? `. Reason for leaving: ${j.reasonForLeaving}` : ""}
          </li>
        ))}
        {profile.gaps.map((g, i) => (
          <li key={`gap-${i}`}>
            Gap, {span(g.from, g.to)}: {g.explanation}
          </li>
        ))}
      </ul>
      <H>Referees</H>
      {hidden ? (
        <p>Hidden until shortlisting.</p>
      ) : (
        <ul>
          {profile.referees.map((r, i) => (
            <li key={i}>
              {r.name}, {r.jobTitle}, {r.organisation} ({r.email}
              {r.phone ? `, ${r.phone}` : ""}). {r.relationship}.{" "}
              {r.currentEmployer ? "Current or most recent employer. " : ""}
              {r.contactBeforeInterview ? "May be contacted before interview." : "Not before an offer."}
            </li>
          ))}
        </ul>
      )}
      <H>Personal statement</H>
      <p className="prose">{profile.personalStatement || "None written."}</p>
      {supportingStatement ? (
        <>
          <H>About this role</H>
          <p className="prose">{supportingStatement}</p>
        </>
      ) : null}
    </div>
  );
}
