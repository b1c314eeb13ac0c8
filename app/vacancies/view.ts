import { formatFte } from "./fte";
import { formatLondon, formatLondonDate } from "../vocabulary/london-time";
import {
  contractLabels,
  keyStageLabels,
  payRangeLabels,
  phaseLabels,
  roleLabels,
  workingPatternLabels,
  type ContractType,
  type KeyStage,
  type PayRange,
  type Phase,
  type VacancyRole,
  type WorkingPattern,
  allowanceLabels,
  type Allowance,
} from "../vocabulary/options";
import { allowancesPerYear, proRata } from "./pay";
import { formatHourly, formatPounds, formatSalaryRange } from "../vocabulary/money";
import { subjectLabel } from "../vocabulary/subjects";

/** The stored vacancy fields the advert needs; dates may arrive as strings from JSON. */
export type AdvertSource = {
  id: string;
  title: string;
  role: string;
  status: string;
  phases: string[];
  keyStages: string[];
  subjects: string[];
  sendSpecialism: boolean;
  ectSuitable: boolean;
  visaSponsorship: boolean;
  visitsWelcome: boolean;
  contractType: string;
  fixedTermMonths: number | null;
  workingPattern: string;
  fteThousandths: number;
  hoursPerWeek: string | null;
  startKind: string;
  startDate: string | null;
  startDateTo: string | null;
  payRange: string;
  payPointFrom: string | null;
  payPointTo: string | null;
  supportGrade: string | null;
  salaryMinFte: number | null;
  salaryMaxFte: number | null;
  hourlyRatePence: number | null;
  allowances: Allowance[];
  aboutRole: string;
  aboutSchool: string;
  skillsExperience: string;
  whatWeOffer: string;
  applyMethod: string;
  applyUrl: string | null;
  applyEmail: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  closesAt: string | Date | null;
  closedReason: string | null;
  schools: {
    schoolId: string;
    urn: number;
    name: string;
    fteShare: number | null;
    town: string | null;
    postcode: string | null;
  }[];
};

export type PayView = { headline: string; proRata: string | null; points: string | null; allowances: string[] };

export function payView(v: AdvertSource): PayView {
  const allowances = v.allowances.map((a) => `${allowanceLabels[a.kind]}: ${formatPounds(a.amount)} a year`);
  if (v.payRange === "hourly") {
    return {
      headline: v.hourlyRatePence === null ? "Pay not set" : formatHourly(v.hourlyRatePence),
      proRata: null,
      points: null,
      allowances,
    };
  }
  if (v.salaryMinFte === null || v.salaryMaxFte === null)
    return { headline: "Pay not set", proRata: null, points: null, allowances };
  const headline = `${formatSalaryRange(v.salaryMinFte, v.salaryMaxFte)} a year (full-time equivalent)`;
  const partTime = v.fteThousandths < 1000;
  const extra =
    partTime && v.allowances.length > 0
      ? `, plus ${formatPounds(allowancesPerYear(v.allowances, v.fteThousandths))} in allowances`
      : "";
  const proRataText = partTime
    ? `${formatSalaryRange(proRata(v.salaryMinFte, v.fteThousandths), proRata(v.salaryMaxFte, v.fteThousandths))} a year actual pay at ${formatFte(v.fteThousandths)} FTE${extra}`
    : null;
  const range = payRangeLabels[v.payRange as PayRange] ?? v.payRange;
  const points =
    v.payPointFrom || v.payPointTo
      ? `${range}, ${[v.payPointFrom, v.payPointTo].filter(Boolean).join(" to ")}`
      : v.supportGrade
        ? `${range}: ${v.supportGrade}`
        : range;
  return { headline, proRata: proRataText, points, allowances };
}

export function contractText(v: AdvertSource): string {
  const contract = contractLabels[v.contractType as ContractType] ?? v.contractType;
  const length = v.contractType === "fixed_term" && v.fixedTermMonths ? ` (${v.fixedTermMonths} months)` : "";
  const pattern = workingPatternLabels[v.workingPattern as WorkingPattern] ?? v.workingPattern;
  const fte = v.fteThousandths < 1000 ? `, ${formatFte(v.fteThousandths)} FTE` : "";
  const hours = v.hoursPerWeek ? `, ${Number(v.hoursPerWeek)} hours a week` : "";
  return `${contract}${length}. ${pattern}${fte}${hours}.`;
}

export function startText(v: AdvertSource): string {
  if (v.startKind === "asap") return "As soon as possible";
  if (v.startKind === "date" && v.startDate) return formatLondonDate(v.startDate);
  if (v.startKind === "range" && v.startDate && v.startDateTo)
    return `Between ${formatLondonDate(v.startDate)} and ${formatLondonDate(v.startDateTo)}`;
  return "To be agreed";
}

export const labelsOf = {
  role: (r: string) => roleLabels[r as VacancyRole] ?? r,
  phases: (p: string[]) => p.map((x) => phaseLabels[x as Phase] ?? x).join(", "),
  keyStages: (k: string[]) => k.map((x) => keyStageLabels[x as KeyStage] ?? x).join(", "),
  subjects: (s: string[]) => s.map(subjectLabel).join(", "),
};

export function closingText(v: { closesAt: string | Date | null }): string {
  return v.closesAt ? formatLondon(v.closesAt) : "Not set";
}

/** "Closes in 3 days", "Closes in 5 hours", or that it has closed. */
/** The next moment after `now` at which countdown() may say something else: an hour's step, or the close itself. */
export function countdownChangesAt(closesAt: string | Date | null, now: Date): number {
  if (!closesAt) return Infinity;
  const closes = new Date(closesAt).getTime();
  const ms = closes - now.getTime();
  if (ms <= 0) return Infinity;
  return closes - Math.floor(ms / 3600_000) * 3600_000;
}

export function countdown(closesAt: string | Date | null, now: Date): string | null {
  if (!closesAt) return null;
  const ms = new Date(closesAt).getTime() - now.getTime();
  if (ms <= 0) return "Applications have closed";
  const hours = Math.floor(ms / 3600_000);
  if (hours < 1) return "Closes in less than an hour";
  if (hours < 48) return `Closes in ${hours} hour${hours === 1 ? "" : "s"}`;
  return `Closes in ${Math.floor(hours / 24)} days`;
}
