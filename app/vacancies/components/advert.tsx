import { createElement, type ReactNode } from "react";
import { Link } from "@remix-run/react";
import { formatFte } from "../fte";
import { SAFEGUARDING_STATEMENT } from "../safeguarding";
import { closingText, contractText, labelsOf, payView, startText, type AdvertSource } from "../view";

type Props = {
  vacancy: AdvertSource;
  countdown?: string | null;
  /** The plain pay badge and what it rests on, on the public page. */
  payBadge?: { text: string; kind: string; basis: string } | null;
  /** The title's heading level: 1 on the public page, lower inside HR's preview (the page has its own h1). */
  level?: 1 | 3;
  /** Who employs: "Employed by X, shared with Y and Z" (app/vacancies/shares.ts). */
  employedBy?: string | null;
  /** For a vacancy taking applications in Staffroom: the way to apply for this visitor (the public page's). */
  applySlot?: ReactNode;
};

/** A heading at a level chosen by the caller (the advert stands alone, or inside HR's preview). */
function Heading({ level, id, children }: { level: number; id?: string; children: ReactNode }) {
  return createElement(`h${level}`, { id }, children);
}

function Section({ title, text, level }: { title: string; text: string; level: number }) {
  if (!text.trim()) return null;
  return (
    <section className="advert-section">
      <Heading level={level}>{title}</Heading>
      <p>{text}</p>
    </section>
  );
}

/** The advert as a teacher reads it: the public page and HR's preview render the same thing. */
export function Advert({ vacancy: v, countdown, payBadge, level = 1, employedBy, applySlot }: Props) {
  const pay = payView(v);
  const split = v.schools.some((s) => s.fteShare !== null);
  return (
    <article aria-labelledby="advert-title">
      <Heading level={level} id="advert-title">
        {v.title}
      </Heading>
      <p className="lead">
        {v.schools.length === 1 ? v.schools[0]?.name : `${v.schools.length} schools`}
        {v.ectSuitable ? " · Suitable for early career teachers" : ""}
      </p>
      {employedBy ? <p className="employer">{employedBy}</p> : null}
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

      <Heading level={level + 1}>{v.schools.length === 1 ? "School" : "Schools"}</Heading>
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

      <Section title="About the role" text={v.aboutRole} level={level + 1} />
      <Section title="About the school" text={v.aboutSchool} level={level + 1} />
      <Section title="Skills and experience" text={v.skillsExperience} level={level + 1} />
      <Section title="What the school offers" text={v.whatWeOffer} level={level + 1} />
      {v.visitsWelcome ? <p>Visits to the school are welcome: use the contact details below to arrange one.</p> : null}
      <section className="advert-section">
        <Heading level={level + 1}>Safeguarding</Heading>
        <p>{SAFEGUARDING_STATEMENT}</p>
      </section>

      <Heading level={level + 1}>How to apply</Heading>
      {v.applyMethod === "staffroom" ? (applySlot ?? <p>Teachers apply in Staffroom, from their profile.</p>) : null}
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
