/** A vacancy's recorded changes in words for its history: "Closing date set to Friday 15 January 2027 at 12:00pm". */
import { formatFte } from "./fte";
import { statusLabels } from "./components/status-tag";
import { closeReasonLabels } from "./lifecycle";
import { formatLondon, formatLondonDate } from "../vocabulary/london-time";
import {
  applyMethodLabels,
  contractLabels,
  keyStageLabels,
  payRangeLabels,
  phaseLabels,
  roleLabels,
  startLabels,
  workingPatternLabels,
} from "../vocabulary/options";
import { formatHourly, formatPounds } from "../vocabulary/money";
import { subjectLabel } from "../vocabulary/subjects";

type Words = (value: unknown) => string;

const text: Words = (v) => `“${String(v)}”`;
const yesNo: Words = (v) => (v ? "yes" : "no");
const labelled =
  (labels: Record<string, string>): Words =>
  (v) =>
    (typeof v === "string" && Object.hasOwn(labels, v) ? labels[v] : undefined) ?? String(v);
const list =
  (each: Words): Words =>
  (v) =>
    Array.isArray(v) ? (v.length === 0 ? "none" : v.map(each).join(", ")) : each(v);
const pounds: Words = (v) => (typeof v === "number" ? formatPounds(v) : String(v));
const moment: Words = (v) => (typeof v === "string" || v instanceof Date ? formatLondon(v) : String(v));
const day: Words = (v) => (typeof v === "string" || v instanceof Date ? formatLondonDate(v) : String(v));

/** Each field people edit: its name in the form's words and how its values read. Others are not shown by name. */
const FIELDS: Record<string, { name: string; words: Words; long?: boolean }> = {
  title: { name: "Title", words: text },
  role: { name: "Role", words: labelled(roleLabels) },
  phases: { name: "Phases", words: list(labelled(phaseLabels)) },
  keyStages: { name: "Key stages", words: list(labelled(keyStageLabels)) },
  subjects: { name: "Subjects", words: list((v) => subjectLabel(String(v))) },
  contractType: { name: "Contract", words: labelled(contractLabels) },
  fixedTermMonths: { name: "Fixed term", words: (v) => `${String(v)} months` },
  workingPattern: { name: "Working pattern", words: labelled(workingPatternLabels) },
  fte: { name: "Full-time equivalent", words: (v) => (typeof v === "number" ? formatFte(v) : String(v)) },
  hoursPerWeek: { name: "Hours a week", words: (v) => String(v) },
  startKind: { name: "Start", words: labelled(startLabels) },
  startDate: { name: "Start date", words: day },
  startDateTo: { name: "Latest start date", words: day },
  payRange: { name: "Pay range", words: labelled(payRangeLabels) },
  payPointFrom: { name: "Lowest pay point", words: String },
  payPointTo: { name: "Highest pay point", words: String },
  salaryMinFte: { name: "Lowest salary (full-time)", words: pounds },
  salaryMaxFte: { name: "Highest salary (full-time)", words: pounds },
  hourlyRatePence: { name: "Hourly rate", words: (v) => (typeof v === "number" ? formatHourly(v) : String(v)) },
  ectSuitable: { name: "Suitable for early career teachers", words: yesNo },
  visaSponsorship: { name: "Visa sponsorship", words: yesNo },
  visitsWelcome: { name: "Visits welcome", words: yesNo },
  anonymiseUntilShortlisted: { name: "Names hidden until shortlisting", words: yesNo },
  aboutRole: { name: "About the role", words: text, long: true },
  aboutSchool: { name: "About the school", words: text, long: true },
  skillsExperience: { name: "Skills and experience", words: text, long: true },
  whatWeOffer: { name: "What we offer", words: text, long: true },
  applyMethod: { name: "How to apply", words: labelled(applyMethodLabels) },
  applyUrl: { name: "Application link", words: String },
  applyEmail: { name: "Application e-mail", words: String },
  contactName: { name: "Contact name", words: String },
  contactEmail: { name: "Contact e-mail", words: String },
  contactPhone: { name: "Contact phone", words: String },
  publishAt: { name: "Publication time", words: moment },
  closesAt: { name: "Closing date", words: moment },
  status: { name: "Status", words: labelled(statusLabels) },
  closedReason: { name: "Reason for closing", words: labelled(closeReasonLabels) },
};

const isEmpty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

/**
 * One sentence per change; long texts say only that they changed; unknown fields are summarised, not dumped.
 * Null when nothing a reader would call a change happened (no value became another kind of no value: null to []).
 */
export function changeInWords(field: string, change: { from?: unknown; to?: unknown }): string | null {
  const known = Object.hasOwn(FIELDS, field) ? FIELDS[field] : null;
  if (!known) return "Another detail changed";
  if (isEmpty(change.from) && isEmpty(change.to)) return null;
  if (known.long)
    return `${known.name} ${isEmpty(change.from) ? "written" : isEmpty(change.to) ? "removed" : "rewritten"}`;
  if (isEmpty(change.to)) return `${known.name} removed (was ${known.words(change.from)})`;
  if (isEmpty(change.from)) return `${known.name} set to ${known.words(change.to)}`;
  return `${known.name} changed from ${known.words(change.from)} to ${known.words(change.to)}`;
}

/** The history's action names, as a sentence starts. */
export function actionInWords(action: string): string {
  const words: Record<string, string> = {
    created: "Created",
    "draft saved": "Draft saved",
    draft: "Kept as a draft",
    edited: "Edited",
    published: "Published",
    scheduled: "Scheduled",
    unscheduled: "Unscheduled",
    closed: "Closed",
    reopened: "Reopened",
    extended: "Closing date extended",
    archived: "Archived",
    copied: "Copied",
    imported: "Imported",
    "confirmation requested": "Other employers asked to confirm their share",
    "share confirmed": "Share confirmed",
    "share declined": "Share declined",
  };
  return (
    (Object.hasOwn(words, action) ? words[action] : undefined) ??
    action.charAt(0).toUpperCase() + action.slice(1).replace(/_/g, " ")
  );
}
