import type { z } from "../../forms/zod";
import type { ImportRowError } from "../../../db/schema";
import { allowanceKinds } from "../../vocabulary/options";
import {
  contractLabels,
  keyStageLabels,
  payRangeLabels,
  phaseLabels,
  roleLabels,
  workingPatternLabels,
} from "../../vocabulary/options";
import { advertStep, applyStep, payStep, roleStep, whereStep } from "../schemas";
import { stepFields } from "../steps";
import { subjectFromName } from "../../vocabulary/subjects";
import type { CsvRow } from "./parse";

/**
 * One CSV row → the same input objects the five form steps validate, validated by the same zod schemas.
 * Pure: the caller supplies the schools the user may post for (by URN) and the clock.
 */

export type ImportSchool = { id: string; urn: number };
export type RowContext = {
  schoolsByUrn: Map<number, ImportSchool>;
  now: Date;
  /** Other employers' schools in the partnership, by URN: named in a row only to be told how to share with them. */
  partnerSchoolsByUrn?: Map<number, { name: string; employerName: string }>;
};

export type ImportedVacancy = {
  /** The file's row number, for messages. */
  row: number;
  /** Columns of `vacancies` (owner, status and author are set by the import). */
  fields: Record<string, unknown> & { title: string; role: string };
  schools: { schoolId: string; share: number | null }[];
  fte: number;
  /** Advert and applying columns given, so the row can be published. */
  complete: boolean;
  publishAt: Date | null;
  closesAt: Date | null;
};

export type RowResult = { ok: true; value: ImportedVacancy } | { ok: false; errors: ImportRowError[] };

const squash = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

/** Accepts a stored value or its label, in any case, with spaces, hyphens or underscores. */
function lookup<K extends string>(labels: Record<K, string>, extra: Record<string, K> = {}) {
  const map = new Map<string, K>();
  for (const [key, label] of Object.entries(labels) as [K, string][]) {
    map.set(squash(key), key);
    map.set(squash(label), key);
  }
  for (const [name, key] of Object.entries(extra)) map.set(squash(name), key);
  return (value: string): string => map.get(squash(value)) ?? value.trim();
}

const roleOf = lookup(roleLabels, {
  teacher: "classroom_teacher",
  ta: "teaching_assistant",
  "head of department": "head_of_department",
});
const phaseOf = lookup(phaseLabels, {
  "16+": "sixteen_plus",
  "post 16": "sixteen_plus",
  sixth_form: "sixteen_plus",
  "sixth form": "sixteen_plus",
});
const keyStageOf = lookup(keyStageLabels, {
  "early years": "eyfs",
  "key stage 1": "ks1",
  "key stage 2": "ks2",
  "key stage 3": "ks3",
  "key stage 4": "ks4",
  "key stage 5": "ks5",
});
const patternOf = lookup(workingPatternLabels);
const contractOf = lookup(contractLabels, {
  maternity: "maternity_cover",
  "maternity leave cover": "maternity_cover",
  "parental leave cover": "maternity_cover",
});
const payRangeOf = lookup(payRangeLabels, {
  lp: "leading_practitioner",
  "leading practitioner": "leading_practitioner",
  support: "support",
  hourly: "hourly",
});

/** The CSV column each form field is read from, so errors name the column HR typed into. */
const COLUMN_OF: Record<string, string> = {
  title: "title",
  role: "role",
  phases: "phases",
  keyStages: "key_stages",
  subjects: "subjects",
  sendSpecialism: "send_specialism",
  ectSuitable: "ect_suitable",
  locationKind: "school_urns",
  schools: "school_urns",
  workingPattern: "working_pattern",
  fte: "fte",
  hoursPerWeek: "fte",
  contractType: "contract_type",
  fixedTermMonths: "fixed_term_months",
  startKind: "start",
  startDate: "start",
  startDateTo: "start",
  payRange: "pay_range",
  payPointFrom: "pay_point_from",
  payPointTo: "pay_point_to",
  supportGrade: "support_grade",
  salaryMinFte: "salary_min",
  salaryMaxFte: "salary_max",
  hourlyRatePounds: "hourly_rate",
  allowances: "allowances",
  visaSponsorship: "visa_sponsorship",
  aboutRole: "about_role",
  aboutSchool: "about_school",
  skillsExperience: "skills_experience",
  whatWeOffer: "what_we_offer",
  visitsWelcome: "visits_welcome",
  applyMethod: "apply_url",
  applyUrl: "apply_url",
  applyEmail: "apply_email",
  contactName: "contact_name",
  contactEmail: "contact_email",
  contactPhone: "contact_phone",
  publishOn: "publish_at",
  publishAt: "publish_at",
  closesAt: "closes_at",
};

/** For a column of fixed choices, the choices, added to zod's "Choose …" message. */
const CHOICES: Record<string, string> = {
  role: Object.keys(roleLabels).join(", "),
  phases: Object.keys(phaseLabels).join(", "),
  key_stages: Object.keys(keyStageLabels).join(", "),
  working_pattern: Object.keys(workingPatternLabels).join(", "),
  contract_type: Object.keys(contractLabels).join(", "),
  pay_range: Object.keys(payRangeLabels).join(", "),
};

const split = (cell: string | undefined) =>
  (cell ?? "")
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0", ""]);
/** A yes/no column: "on" like a ticked checkbox, undefined like an unticked one. */
function yesNo(cell: string | undefined, column: string, errors: ImportRowError[], row: number): "on" | undefined {
  const v = (cell ?? "").trim().toLowerCase();
  if (YES.has(v)) return "on";
  if (!NO.has(v)) errors.push({ row, field: column, message: "Enter yes or no" });
  return undefined;
}

/** "£32,916" → "32916": people paste money with symbols and separators. */
const money = (cell: string | undefined) =>
  (cell ?? "")
    .trim()
    .replace(/^£/, "")
    .replace(/,(?=\d{3}\b)/g, "");

/** "2027-03-31 12:00" (or with a T) → the form's "2027-03-31T12:00". */
const localDateTime = (cell: string | undefined) =>
  (cell ?? "")
    .trim()
    .replace(/^(\d{4}-\d{2}-\d{2})[ T]+(\d{1,2}):(\d{2})$/, (_, d, h, m) => `${d}T${h.padStart(2, "0")}:${m}`);

function startOf(cell: string | undefined): { startKind: string; startDate: string; startDateTo: string } {
  const v = (cell ?? "").trim();
  if (v === "") return { startKind: "to_be_agreed", startDate: "", startDateTo: "" };
  if (/^(asap|as soon as possible)$/i.test(v)) return { startKind: "asap", startDate: "", startDateTo: "" };
  if (/^(tba|tbc|to be agreed|to be confirmed)$/i.test(v))
    return { startKind: "to_be_agreed", startDate: "", startDateTo: "" };
  const [, from, to] = v.match(/^(\S+)\s+to\s+(\S+)$/i) ?? [];
  if (from !== undefined && to !== undefined) return { startKind: "range", startDate: from, startDateTo: to };
  return { startKind: "date", startDate: v, startDateTo: "" };
}

function issuesOf(
  result: z.ZodSafeParseResult<unknown>,
  row: number,
  column: (path: PropertyKey[], message: string) => string,
): ImportRowError[] {
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const field = column(issue.path, issue.message);
    const choices = CHOICES[field] && /^Choose/.test(issue.message) ? ` (one of: ${CHOICES[field]})` : "";
    return { row, field, message: `${issue.message}${choices}` };
  });
}

const plainColumn = (path: PropertyKey[]) => COLUMN_OF[String(path[0])] ?? String(path[0] ?? "");

/** Validates and maps one row; every problem in the row is reported, each at its column. */
export function mapRow(input: CsvRow, ctx: RowContext): RowResult {
  const { row, cells } = input;
  const errors: ImportRowError[] = [];
  if (input.extraCells > 0) {
    errors.push({
      row,
      field: "",
      message: `This row has ${input.extraCells} more value${input.extraCells > 1 ? "s" : ""} than the header has columns: check for unquoted commas`,
    });
  }

  // The role step.
  const subjectNames = split(cells.subjects);
  const subjects: string[] = [];
  for (const name of subjectNames) {
    const subject = subjectFromName(name);
    if (subject) subjects.push(subject);
    else errors.push({ row, field: "subjects", message: `"${name.slice(0, 60)}" is not a subject on our list` });
  }
  const roleInput = {
    title: cells.title ?? "",
    role: roleOf(cells.role ?? ""),
    phases: split(cells.phases).map(phaseOf),
    keyStages: split(cells.key_stages).map(keyStageOf),
    subjects,
    sendSpecialism: yesNo(cells.send_specialism, "send_specialism", errors, row),
    ectSuitable: yesNo(cells.ect_suitable, "ect_suitable", errors, row),
  };
  const role = roleStep.safeParse(roleInput);
  errors.push(...issuesOf(role, row, plainColumn));

  // Where: URNs must be schools this user posts for; another trust's school is refused like an unknown one.
  const urns = split(cells.school_urns);
  const shares = split(cells.fte_shares);
  const located: { schoolId: string; share: string | undefined }[] = [];
  for (const urn of urns) {
    const school = /^\d{1,9}$/.test(urn) ? ctx.schoolsByUrn.get(Number(urn)) : undefined;
    const partner = !school && /^\d{1,9}$/.test(urn) ? ctx.partnerSchoolsByUrn?.get(Number(urn)) : undefined;
    if (partner)
      // A share at another employer's school needs that school's HR to confirm it, which a file cannot do.
      errors.push({
        row,
        field: "school_urns",
        message: `URN ${urn} is ${partner.name}, a school of ${partner.employerName}: a role shared with another employer's school cannot be imported, because ${partner.employerName}'s HR must confirm its share first. Import the row without that school, then add it on the role's "Schools and hours" step`,
      });
    else if (!school)
      errors.push({
        row,
        field: "school_urns",
        message: `URN ${urn.slice(0, 20)} is not a school you post vacancies for`,
      });
    else located.push({ schoolId: school.id, share: undefined });
  }
  if (urns.length === 0) errors.push({ row, field: "school_urns", message: "Enter the URN of at least one school" });
  const splitRole = shares.length > 0 && urns.length > 1;
  if (shares.length > 0 && shares.length !== urns.length) {
    errors.push({
      row,
      field: "fte_shares",
      message: `Give one share for each school: ${urns.length} school${urns.length === 1 ? "" : "s"}, ${shares.length} share${shares.length === 1 ? "" : "s"}`,
    });
  } else if (splitRole) {
    located.forEach(
      (s) => (s.share = shares[urns.findIndex((u) => ctx.schoolsByUrn.get(Number(u))?.id === s.schoolId)]),
    );
  }
  const pattern = patternOf(cells.working_pattern?.trim() ? cells.working_pattern : "full_time");
  const fteCell = (cells.fte ?? "").trim();
  const whereInput = {
    locationKind: urns.length <= 1 ? "one" : splitRole ? "split" : "central",
    schools: located,
    workingPattern: pattern,
    fte: fteCell === "" && pattern === "full_time" ? "1" : fteCell === "" ? undefined : fteCell,
  };
  const where = urns.length > 0 && located.length === urns.length ? whereStep.safeParse(whereInput) : null;
  if (where) {
    errors.push(
      ...issuesOf(where, row, (path, message) =>
        path[0] === "schools" && (path[2] === "share" || /share/.test(message)) ? "fte_shares" : plainColumn(path),
      ),
    );
  }

  // Contract and pay.
  const allowances = split(cells.allowances).map((a) => {
    const [kind = "", amount = ""] = a.split(":").map((s) => s.trim());
    return { kind: kind.toLowerCase().replace(/\s+/g, ""), amount: money(amount) };
  });
  const unknownAllowance = allowances.find((a) => !(allowanceKinds as readonly string[]).includes(a.kind));
  if (unknownAllowance) {
    errors.push({
      row,
      field: "allowances",
      message: `Write allowances as kind:pounds, kinds ${allowanceKinds.join(", ")}`,
    });
  }
  const payInput = {
    contractType: contractOf(cells.contract_type?.trim() ? cells.contract_type : "permanent"),
    fixedTermMonths: (cells.fixed_term_months ?? "").trim(),
    ...startOf(cells.start),
    payRange: payRangeOf(cells.pay_range ?? ""),
    payPointFrom: (cells.pay_point_from ?? "").toUpperCase(),
    payPointTo: (cells.pay_point_to ?? "").toUpperCase(),
    supportGrade: cells.support_grade ?? "",
    salaryMinFte: money(cells.salary_min),
    salaryMaxFte: money(cells.salary_max),
    hourlyRatePounds: money(cells.hourly_rate),
    allowances: unknownAllowance ? [] : allowances,
    visaSponsorship: yesNo(cells.visa_sponsorship, "visa_sponsorship", errors, row),
  };
  const pay = payStep.safeParse(payInput);
  errors.push(...issuesOf(pay, row, plainColumn));

  // The advert and applying are optional for a draft; when any of their columns is given, all is checked.
  const given = (...columns: string[]) => columns.some((c) => (cells[c] ?? "").trim() !== "");
  const hasAdvert = given("about_role", "about_school", "skills_experience", "what_we_offer");
  const visitsWelcome = yesNo(cells.visits_welcome, "visits_welcome", errors, row);
  const advert = hasAdvert
    ? advertStep.safeParse({
        aboutRole: cells.about_role ?? "",
        aboutSchool: cells.about_school ?? "",
        skillsExperience: cells.skills_experience ?? "",
        whatWeOffer: cells.what_we_offer ?? "",
        visitsWelcome,
      })
    : null;
  if (advert) errors.push(...issuesOf(advert, row, plainColumn));

  const hasApply = given("apply_url", "apply_email", "closes_at", "publish_at");
  let applyFields: Record<string, unknown> = { contactName: null, contactEmail: null, contactPhone: null };
  let publishAt: Date | null = null;
  let closesAt: Date | null = null;
  if (given("apply_url") && given("apply_email")) {
    errors.push({ row, field: "apply_email", message: "Give either apply_url or apply_email, not both" });
  } else if (hasApply) {
    const apply = applyStep.safeParse({
      applyMethod: given("apply_email") ? "email" : "external_link",
      applyUrl: cells.apply_url ?? "",
      applyEmail: cells.apply_email ?? "",
      contactName: cells.contact_name ?? "",
      contactEmail: cells.contact_email ?? "",
      contactPhone: cells.contact_phone ?? "",
      publishOn: given("publish_at") ? "later" : "now",
      publishAt: localDateTime(cells.publish_at),
      closesAt: localDateTime(cells.closes_at),
    });
    errors.push(...issuesOf(apply, row, (path) => (path[0] === "closesAt" ? "closes_at" : plainColumn(path))));
    if (apply.success) {
      const mapped = stepFields("apply", apply.data);
      if (mapped.ok) {
        applyFields = mapped.fields;
        publishAt = (mapped.fields.publishAt as Date | null) ?? null;
        closesAt = (mapped.fields.closesAt as Date | null) ?? null;
      } else {
        for (const [field, messages] of Object.entries(mapped.fieldErrors)) {
          for (const message of messages)
            errors.push({
              row,
              field: COLUMN_OF[field] ?? field,
              message: message.replace("The closing date", "The closing date and time"),
            });
        }
      }
    }
  } else if (given("contact_name", "contact_email", "contact_phone")) {
    errors.push({
      row,
      field: "closes_at",
      message: "Give the closing date and how to apply with the contact details",
    });
  }

  if (errors.length > 0 || !role.success || !where?.success || !pay.success || (advert && !advert.success)) {
    return { ok: false, errors };
  }
  const payFields = stepFields("pay", pay.data);
  if (!payFields.ok) return { ok: false, errors: [{ row, field: "pay_range", message: "Check the pay columns" }] };
  const place = where.data;
  return {
    ok: true,
    value: {
      row,
      fields: {
        ...role.data,
        ...payFields.fields,
        ...(advert?.success ? advert.data : {}),
        ...(hasApply ? applyFields : {}),
        visitsWelcome: visitsWelcome === "on",
        workingPattern: place.workingPattern,
        hoursPerWeek: place.hoursPerWeek === undefined ? null : place.hoursPerWeek.toFixed(2),
      },
      schools: place.schools.map((s) => ({
        schoolId: s.schoolId,
        share: place.locationKind === "split" ? s.share : null,
      })),
      fte: place.fte,
      complete: hasAdvert && hasApply && closesAt !== null,
      publishAt,
      closesAt,
    },
  };
}
