import type { FieldMetadata } from "@conform-to/react";
import { Checkbox, ChoiceGroup } from "../../components/choice-fields";
import { FieldError, SelectField, TextAreaField, TextField, type Field } from "../../components/forms";
import {
  applyMethodOptions,
  contractOptions,
  keyStageOptions,
  payPoints,
  payRangeOptions,
  phaseOptions,
  roleOptions,
  startOptions,
  workingPatternOptions,
} from "../../vocabulary/options";
import { allowanceKinds, allowanceLabels } from "../../vocabulary/options";
import { SAFEGUARDING_STATEMENT } from "../safeguarding";
import { subjectOptions } from "../../vocabulary/subjects";
import { ScrollRegion } from "../../components/scroll-region";

// Conform's field map: each step names the fields it owns, so a form without one of them is a type error.
type Fields<Name extends string> = Record<Name, Field>;

const blank = { value: "", label: "Choose…" };

export function RoleFields({
  fields,
}: {
  fields: Fields<"ectSuitable" | "keyStages" | "phases" | "role" | "sendSpecialism" | "subjects" | "title">;
}) {
  return (
    <>
      <TextField meta={fields.title} label="Job title" hint="For example: Teacher of Mathematics" />
      <SelectField meta={fields.role} label="Kind of role" options={[blank, ...roleOptions]} />
      <ChoiceGroup meta={fields.phases} legend="Phase" type="checkbox" options={phaseOptions} inline />
      <ChoiceGroup
        meta={fields.keyStages}
        legend="Key stages (optional)"
        type="checkbox"
        options={keyStageOptions}
        inline
      />
      <ChoiceGroup
        meta={fields.subjects}
        legend="Subjects (optional)"
        type="checkbox"
        options={subjectOptions}
        inline
      />
      <Checkbox meta={fields.sendSpecialism} label="This is a special educational needs (SEND) specialist role" />
      <Checkbox meta={fields.ectSuitable} label="Suitable for an early career teacher (ECT)" />
    </>
  );
}

export type SchoolChoice = {
  id: string;
  name: string;
  town: string | null;
  /** The school's employer, when it is not the vacancy's: that employer's HR confirm the school's share. */
  otherEmployer?: string | null;
  chosen: boolean;
  share: string;
};

/**
 * Every school the user can post for, then the other employers' schools in the partnership, as rows: tick the ones
 * the role is at and, for a shared role, give each its share. Works without JavaScript: nothing is added or removed
 * dynamically.
 */
export function WhereFields({
  fields,
  schools,
}: {
  fields: Fields<"fte" | "hoursPerWeek" | "locationKind" | "workingPattern"> & {
    schools: FieldMetadata<{ schoolId?: unknown; share?: unknown }[] | undefined, Record<string, unknown>, string[]>;
  };
  schools: SchoolChoice[];
}) {
  // After a refused save, each ticked school's share has its own field (schools[i].share, i in ticked order): its
  // error is shown in that school's row, and its id is the one the error summary links to.
  const shareFields = new Map<string, Field>();
  for (const item of fields.schools.getFieldList()) {
    const { schoolId, share } = item.getFieldset();
    if (typeof schoolId.initialValue === "string") shareFields.set(schoolId.initialValue, share);
  }
  return (
    <>
      <ChoiceGroup
        meta={fields.locationKind}
        legend="Where is the role based?"
        type="radio"
        options={[
          { value: "one", label: "At one school" },
          { value: "split", label: "Shared between schools, with the FTE split between them" },
          { value: "central", label: "Across several schools (a central or peripatetic role, not split)" },
        ]}
      />
      <fieldset
        className={`field${fields.schools.errors ? " field--error" : ""}`}
        aria-describedby={[`${fields.schools.id}-hint`, fields.schools.errors ? fields.schools.errorId : ""]
          .join(" ")
          .trim()}
      >
        <legend>Schools</legend>
        <span className="hint" id={`${fields.schools.id}-hint`}>
          For a shared role, give each school's share of the FTE, for example 0.6 and 0.4.
          {schools.some((s) => s.otherEmployer)
            ? " Schools of other employers in the partnership come after yours: you stay the employer, and their HR must confirm their school's share before the role can be published."
            : ""}
        </span>
        <FieldError id={fields.schools.errorId} errors={fields.schools.errors} />
        <ScrollRegion label={"Schools and their share of the role"}>
          <table className="school-shares">
            <caption className="visually-hidden">Schools and their share of the role</caption>
            <thead>
              <tr>
                <th scope="col">School</th>
                <th scope="col">Share of FTE (shared roles)</th>
              </tr>
            </thead>
            <tbody>
              {schools.map((s, i) => (
                <tr key={s.id}>
                  <td>
                    <div className="choice">
                      <input
                        type="checkbox"
                        // The first school takes the field's id: the error summary links to it.
                        id={i === 0 ? fields.schools.id : `school-${s.id}`}
                        name="school"
                        value={s.id}
                        defaultChecked={s.chosen}
                        aria-invalid={fields.schools.errors ? true : undefined}
                      />
                      <label htmlFor={i === 0 ? fields.schools.id : `school-${s.id}`}>
                        {s.name}
                        {s.town ? `, ${s.town}` : ""}
                        {s.otherEmployer ? ` (${s.otherEmployer} confirms its share)` : ""}
                      </label>
                    </div>
                  </td>
                  <ShareCell school={s} meta={shareFields.get(s.id)} />
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </fieldset>
      <SelectField meta={fields.workingPattern} label="Working pattern" options={workingPatternOptions} />
      <TextField
        meta={fields.fte}
        label="FTE (full-time equivalent)"
        hint="1 for full time; 0.6 for three days a week"
      />
      <TextField meta={fields.hoursPerWeek} label="Hours a week (optional)" type="number" />
    </>
  );
}

function ShareCell({ school, meta }: { school: SchoolChoice; meta?: Field }) {
  const id = meta?.errors ? meta.id : `share-${school.id}`;
  return (
    <td className={meta?.errors ? "field--error" : undefined}>
      <label className="visually-hidden" htmlFor={id}>
        Share of FTE at {school.name}
      </label>
      {meta?.errors ? <FieldError id={meta.errorId} errors={meta.errors} /> : null}
      <input
        id={id}
        name={`share.${school.id}`}
        type="text"
        inputMode="decimal"
        defaultValue={typeof meta?.initialValue === "string" ? meta.initialValue : school.share}
        aria-invalid={meta?.errors ? true : undefined}
        aria-describedby={meta?.errors ? meta.errorId : undefined}
      />
    </td>
  );
}

/**
 * With JavaScript, choosing a pay point fills its salary field at once, unless HR typed a salary of their own
 * (a figure this filled in may be replaced by the next choice). Without it, the server fills blank salaries.
 */
function fillSalaryFromPoint(event: { target: EventTarget }, pointSalaries: Record<string, number>) {
  const select = event.target as HTMLSelectElement;
  const target = select.name === "payPointFrom" ? "salaryMinFte" : select.name === "payPointTo" ? "salaryMaxFte" : null;
  const input = target ? (select.form?.elements.namedItem(target) as HTMLInputElement | null) : null;
  if (!input) return;
  const figure = Object.hasOwn(pointSalaries, select.value) ? pointSalaries[select.value] : undefined;
  const filledByUs = input.dataset.filledFromPoint === input.value;
  if (figure === undefined || (input.value !== "" && !filledByUs)) return;
  input.value = String(figure);
  input.dataset.filledFromPoint = input.value;
}

export function PayFields({
  fields,
  pointSalaries = {},
}: {
  fields: Fields<
    | "allowances"
    | "contractType"
    | "fixedTermMonths"
    | "hourlyRatePounds"
    | "payPointFrom"
    | "payPointTo"
    | "payRange"
    | "salaryMaxFte"
    | "salaryMinFte"
    | "startDate"
    | "startDateTo"
    | "startKind"
    | "supportGrade"
    | "visaSponsorship"
  >;
  pointSalaries?: Record<string, number>;
}) {
  const points = [...new Set(Object.values(payPoints).flat())].map((p) => ({ value: p, label: p }));
  const allowances = fields.allowances;
  const rows = Array.from({ length: 3 }, (_, i) => i);
  const initial = (allowances.initialValue as { kind?: string; amount?: string }[] | undefined) ?? [];
  return (
    <>
      <SelectField meta={fields.contractType} label="Contract" options={contractOptions} />
      <TextField meta={fields.fixedTermMonths} label="Length of a fixed-term contract, in months" type="number" />
      <SelectField meta={fields.startKind} label="Start" options={startOptions} />
      <TextField meta={fields.startDate} label="Start date (or earliest start)" type="date" />
      <TextField meta={fields.startDateTo} label="Latest start date (for a range)" type="date" />
      <SelectField meta={fields.payRange} label="Pay range" options={payRangeOptions} />
      <div onChange={(event) => fillSalaryFromPoint(event, pointSalaries)}>
        <SelectField
          meta={fields.payPointFrom}
          label="From pay point (optional)"
          hint="Leave the salaries blank and they are filled from the statutory figures for the school's pay area"
          options={[{ value: "", label: "None" }, ...points]}
        />
        <SelectField
          meta={fields.payPointTo}
          label="To pay point (optional)"
          options={[{ value: "", label: "None" }, ...points]}
        />
      </div>
      <TextField meta={fields.supportGrade} label="Support staff grade or spine points (optional)" />
      <TextField
        meta={fields.salaryMinFte}
        label="Minimum salary, full-time equivalent, £ a year"
        type="number"
        hint="The full-time figure: the pro-rata pay of a part-time role is worked out from the FTE"
      />
      <TextField meta={fields.salaryMaxFte} label="Maximum salary, full-time equivalent, £ a year" type="number" />
      <TextField meta={fields.hourlyRatePounds} label="Hourly rate in £ (casual roles)" hint="For example 14.50" />
      <fieldset className={`field${allowances.errors ? " field--error" : ""}`}>
        <legend>Allowances (optional)</legend>
        <FieldError id={allowances.errorId} errors={allowances.errors} />
        {rows.map((i) => (
          <div className="filters" key={i}>
            <div className="field">
              <label htmlFor={i === 0 ? allowances.id : `allowance-${i}-kind`}>Allowance {i + 1}</label>
              <select
                id={i === 0 ? allowances.id : `allowance-${i}-kind`}
                name={`allowances[${i}].kind`}
                defaultValue={initial[i]?.kind ?? ""}
              >
                <option value="">None</option>
                {allowanceKinds.map((k) => (
                  <option key={k} value={k}>
                    {allowanceLabels[k]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`allowance-${i}-amount`}>Amount, £ a year</label>
              <input
                id={`allowance-${i}-amount`}
                name={`allowances[${i}].amount`}
                type="number"
                defaultValue={initial[i]?.amount ?? ""}
              />
            </div>
          </div>
        ))}
      </fieldset>
      <Checkbox meta={fields.visaSponsorship} label="We can sponsor a Skilled Worker visa" />
    </>
  );
}

export function AdvertFields({
  fields,
}: {
  fields: Fields<"aboutRole" | "aboutSchool" | "skillsExperience" | "visitsWelcome" | "whatWeOffer">;
}) {
  return (
    <>
      <TextAreaField meta={fields.aboutRole} label="About the role" />
      <TextAreaField meta={fields.aboutSchool} label="About the school or schools" />
      <TextAreaField meta={fields.skillsExperience} label="Skills and experience" />
      <TextAreaField meta={fields.whatWeOffer} label="What the school offers" />
      <Checkbox meta={fields.visitsWelcome} label="Visits to the school are welcome" />
      <div className="panel">
        <h2>Safeguarding statement</h2>
        <p>Added to every advert:</p>
        <p>{SAFEGUARDING_STATEMENT}</p>
      </div>
    </>
  );
}

export function ApplyFields({
  fields,
}: {
  fields: Fields<
    | "anonymiseUntilShortlisted"
    | "applyEmail"
    | "applyMethod"
    | "applyUrl"
    | "closesAt"
    | "contactEmail"
    | "contactName"
    | "contactPhone"
    | "publishAt"
    | "publishOn"
  >;
}) {
  return (
    <>
      <ChoiceGroup meta={fields.applyMethod} legend="How do people apply?" type="radio" options={applyMethodOptions} />
      <Checkbox
        meta={fields.anonymiseUntilShortlisted}
        label="Hide applicants' names, contact details and referees until they are shortlisted (applying in Staffroom only)"
      />
      <TextField meta={fields.applyUrl} label="Link to apply" type="url" />
      <TextField meta={fields.applyEmail} label="E-mail address to apply to" type="email" />
      <TextField meta={fields.contactName} label="Contact name (optional)" />
      <TextField meta={fields.contactEmail} label="Contact e-mail (optional)" type="email" />
      <TextField meta={fields.contactPhone} label="Contact phone (optional)" type="tel" />
      <ChoiceGroup
        meta={fields.publishOn}
        legend="When should it be published?"
        type="radio"
        options={[
          { value: "now", label: "As soon as I publish it" },
          { value: "later", label: "On a date" },
        ]}
      />
      <TextField meta={fields.publishAt} label="Publish on (UK time)" type="datetime-local" />
      <TextField
        meta={fields.closesAt}
        label="Closing date and time (UK time)"
        type="datetime-local"
        hint="Applications close at this moment"
      />
    </>
  );
}
