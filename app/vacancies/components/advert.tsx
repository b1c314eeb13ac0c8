import { Link } from "@remix-run/react";
import { formatFte } from "../fte";
import { SAFEGUARDING_STATEMENT } from "../safeguarding";
import { closingText, contractText, labelsOf, payView, startText, type AdvertSource } from "../view";

type Props = {
  vacancy: AdvertSource;
  countdown?: string | null;
  /** The plain pay badge and what it rests on, on the public page. */
  payBadge?: { text: string; kind: string; basis: string } | null;
};

function Section({ title, text }: { title: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <section className="advert-section">
      <h2>{title}</h2>
      <p>{text}</p>
    </section>
  );
}

/** The advert as a teacher reads it: the public page and HR's preview render the same thing. */
export function Advert({ vacancy: v, countdown, payBadge }: Props) {
  const pay = payView(v);
  const split = v.schools.some((s) => s.fteShare !== null);
  return (
    <article aria-labelledby="advert-title">
      <h1 id="advert-title">{v.title}</h1>
      <p className="lead">
        {v.schools.length === 1 ? v.schools[0].name : `${v.schools.length} schools`}
        {v.ectSuitable ? " · Suitable for early career teachers" : ""}
      </p>
      <p className="pay">{pay.headline}</p>
      {payBadge ? (
        <p>
          <span className={`pay-badge pay-badge--${payBadge.kind}`}>{payBadge.text}</span>{" "}
          <span className="small">{payBadge.basis}</span>
        </p>
      ) : null}
      {pay.proRata ? <p>{pay.proRata}</p> : null}
      <dl className="summary">
        <dt>Role</dt>
        <dd>{labelsOf.role(v.role)}</dd>
        {pay.points ? (
          <>
            <dt>Pay range</dt>
            <dd>{pay.points}</dd>
          </>
        ) : null}
        {pay.allowances.length > 0 ? (
          <>
            <dt>Allowances</dt>
            <dd>{pay.allowances.join("; ")}</dd>
          </>
        ) : null}
        <dt>Contract</dt>
        <dd>{contractText(v)}</dd>
        <dt>Start</dt>
        <dd>{startText(v)}</dd>
        <dt>Phase</dt>
        <dd>{labelsOf.phases(v.phases) || "Not given"}</dd>
        {v.keyStages.length > 0 ? (
          <>
            <dt>Key stages</dt>
            <dd>{labelsOf.keyStages(v.keyStages)}</dd>
          </>
        ) : null}
        {v.subjects.length > 0 ? (
          <>
            <dt>Subjects</dt>
            <dd>{labelsOf.subjects(v.subjects)}</dd>
          </>
        ) : null}
        <dt>Closing date</dt>
        <dd>
          {closingText(v)}
          {countdown ? ` (${countdown})` : ""}
        </dd>
        <dt>Visa sponsorship</dt>
        <dd>{v.visaSponsorship ? "Available" : "Not available"}</dd>
        {v.sendSpecialism ? (
          <>
            <dt>SEND</dt>
            <dd>A special educational needs specialist role</dd>
          </>
        ) : null}
      </dl>

      <h2>{v.schools.length === 1 ? "School" : "Schools"}</h2>
      {v.schools.length === 0 ? (
        <p>No school chosen yet.</p>
      ) : (
        <ul>
          {v.schools.map((s) => (
            <li key={s.schoolId}>
              <Link to={`/schools/${s.urn}`}>{s.name}</Link>
              {s.town ? `, ${s.town}` : ""}
              {s.postcode ? ` ${s.postcode}` : ""}
              {split && s.fteShare !== null ? ` (${formatFte(s.fteShare)} FTE here)` : ""}
            </li>
          ))}
        </ul>
      )}

      <Section title="About the role" text={v.aboutRole} />
      <Section title="About the school" text={v.aboutSchool} />
      <Section title="Skills and experience" text={v.skillsExperience} />
      <Section title="What the school offers" text={v.whatWeOffer} />
      {v.visitsWelcome ? <p>Visits to the school are welcome: use the contact details below to arrange one.</p> : null}
      <section className="advert-section">
        <h2>Safeguarding</h2>
        <p>{SAFEGUARDING_STATEMENT}</p>
      </section>

      <h2>How to apply</h2>
      {v.applyMethod === "external_link" && v.applyUrl ? (
        <p>
          <a className="button" href={v.applyUrl} rel="noopener noreferrer nofollow">
            Apply on the school's website
          </a>
        </p>
      ) : null}
      {v.applyMethod === "email" && v.applyEmail ? (
        <p>
          E-mail your application to <a href={`mailto:${v.applyEmail}`}>{v.applyEmail}</a>.
        </p>
      ) : null}
      {v.contactName || v.contactEmail || v.contactPhone ? (
        <p>Contact: {[v.contactName, v.contactEmail, v.contactPhone].filter(Boolean).join(", ")}</p>
      ) : null}
    </article>
  );
}
