import type { ApplicationProfile, ExplainedGap, Job, RefereeCopy } from "../vocabulary/applications";

export type { ApplicationProfile, ExplainedGap, Job, RefereeCopy } from "../vocabulary/applications";

/** Months without a job: `to` is null for a gap that runs to the present. */
export type Gap = { from: string; to: string | null; months: number };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0 for a "YYYY-MM", so months subtract; null if it is not one. */
export function monthIndex(month: string): number | null {
  const m = MONTH.exec(month);
  if (!m) return null;
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function monthOf(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** A gap of exactly one month (leaving in July, starting in September) needs no explanation; longer ones do. */
const GAP_NEEDS_EXPLANATION_OVER_MONTHS = 1;

/**
 * The gaps over one month in an employment history, to `today`'s month. Overlapping jobs cover each other; a held
 * job covers everything after its start. Months are whole: a job from March to June covers March to June.
 */
export function employmentGaps(jobs: readonly Pick<Job, "startedOn" | "endedOn">[], today: string): Gap[] {
  const now = monthIndex(today);
  if (now === null) throw new Error(`employmentGaps: ${today} is not a month`);
  const spans = jobs
    .map((j) => ({ start: monthIndex(j.startedOn), end: j.endedOn === null ? Infinity : monthIndex(j.endedOn) }))
    .filter((s): s is { start: number; end: number } => s.start !== null && s.end !== null)
    .sort((a, b) => a.start - b.start);
  const gaps: Gap[] = [];
  let coveredTo: number | null = null;
  for (const span of spans) {
    if (coveredTo !== null && span.start - coveredTo - 1 > GAP_NEEDS_EXPLANATION_OVER_MONTHS)
      gaps.push({ from: monthOf(coveredTo + 1), to: monthOf(span.start - 1), months: span.start - coveredTo - 1 });
    coveredTo = coveredTo === null ? span.end : Math.max(coveredTo, span.end);
  }
  // Since the last job ended: the current month is not yet a gap (a teacher may start on the 1st).
  if (coveredTo !== null && coveredTo !== Infinity && now - coveredTo - 1 > GAP_NEEDS_EXPLANATION_OVER_MONTHS)
    gaps.push({ from: monthOf(coveredTo + 1), to: null, months: now - coveredTo - 1 });
  return gaps;
}

/** The gaps that no explanation answers (an explanation answers the gap with the same months). */
export function unexplainedGaps(gaps: readonly Gap[], explained: readonly ExplainedGap[]): Gap[] {
  return gaps.filter(
    (g) => !explained.some((e) => e.from === g.from && e.to === g.to && e.explanation.trim().length > 0),
  );
}

const MIN_REFEREES = 2;

/** Safer recruitment's rules for referees, as messages; empty when they are met. */
export function refereeProblems(referees: readonly Pick<RefereeCopy, "currentEmployer" | "contactBeforeInterview">[]) {
  const problems: string[] = [];
  if (referees.length < MIN_REFEREES) problems.push(`Add at least ${MIN_REFEREES} referees`);
  if (!referees.some((r) => r.currentEmployer))
    problems.push("One referee must be from your current or most recent employer");
  if (referees.some((r) => r.contactBeforeInterview === null))
    problems.push("Say for each referee whether they may be contacted before interview");
  return problems;
}

const TRN = /^[0-9]{7}$/;

export type Missing = { section: ProfileSection; message: string };
export type ProfileSection = "about" | "qualifications" | "employment" | "referees" | "statement";

/** What stops this profile being sent as an application, by section; empty when it can be sent. */
export function missingForApplication(p: ApplicationProfile, today: string): Missing[] {
  const missing: Missing[] = [];
  if (!p.qtsStatus) missing.push({ section: "about", message: "Say whether you have qualified teacher status" });
  if (p.qtsStatus === "awarded" && !p.trn)
    missing.push({ section: "about", message: "Enter your teacher reference number (TRN)" });
  if (p.trn && !TRN.test(p.trn)) missing.push({ section: "about", message: "A TRN is 7 digits" });
  if (!p.rightToWork) missing.push({ section: "about", message: "Say whether you have the right to work in the UK" });
  if (!p.phone.trim()) missing.push({ section: "about", message: "Enter a phone number" });
  if (p.qualifications.length === 0)
    missing.push({ section: "qualifications", message: "Add at least one qualification" });
  if (p.employment.length === 0)
    missing.push({ section: "employment", message: "Add your employment history, including any job outside teaching" });
  for (const gap of unexplainedGaps(employmentGaps(p.employment, today), p.gaps))
    missing.push({
      section: "employment",
      message: `Explain the gap from ${describeMonth(gap.from)}${gap.to ? ` to ${describeMonth(gap.to)}` : " to now"}`,
    });
  for (const message of refereeProblems(p.referees)) missing.push({ section: "referees", message });
  if (!p.personalStatement.trim()) missing.push({ section: "statement", message: "Write a personal statement" });
  return missing;
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2024-09" → "September 2024". */
export function describeMonth(month: string): string {
  const index = monthIndex(month);
  if (index === null) return month;
  return `${MONTH_NAMES[index % 12] ?? ""} ${Math.floor(index / 12)}`;
}
