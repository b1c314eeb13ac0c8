import { distanceMetres, METRES_PER_MILE } from "../../vocabulary/distance";
import { contractLabels, phaseLabels, workingPatternLabels, type ContractType } from "../../vocabulary/options";
import type { Phase, WorkingPattern } from "../../vocabulary/options";
import { subjectLabel } from "../../vocabulary/subjects";

/**
 * How well a pool member fits what a school is looking for (issue 17): pure, so the search can rank the rows SQL
 * filtered, and the member's page can say why. Each part adds to the score and, when it counts, gives a reason a
 * person reads ("Teaches mathematics", "4.2 miles away, within the 10 they will travel").
 */

export type FitMember = {
  subjects: readonly string[];
  phases: readonly string[];
  contracts: readonly string[];
  workingPatterns: readonly string[];
  lat: number | null;
  lng: number | null;
  travelMiles: number | null;
  /** YYYY-MM-DD, or null when not said. */
  availableFrom: string | null;
};

export type FitSchool = { lat: number | null; lng: number | null };

/** What HR asked for; every field optional. `startBy` is the day they want someone from (YYYY-MM-DD). */
export type FitWanted = {
  subject?: string | null;
  phase?: string | null;
  contract?: string | null;
  workingPattern?: string | null;
  startBy?: string | null;
};

export type Fit = { score: number; reasons: string[]; miles: number | null };

/** The most a fit scores: each part's weight. */
const FIT_WEIGHTS = {
  subject: 30,
  phase: 20,
  distance: 25,
  availability: 15,
  contract: 5,
  workingPattern: 5,
} as const;
export const FIT_MAX = Object.values(FIT_WEIGHTS).reduce((a, b) => a + b, 0);

/** Subject labels read inside a sentence: "Teaches mathematics", but "Teaches English". */
const PROPER = new Set(["english", "french", "german", "spanish", "pshe", "mfl"]);
function subjectInSentence(value: string): string {
  const label = subjectLabel(value);
  return PROPER.has(value) || value === "send" ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** Miles between school and member, one decimal, or null when either has no location. */
function milesBetween(school: FitSchool, member: Pick<FitMember, "lat" | "lng">): number | null {
  if (school.lat === null || school.lng === null || member.lat === null || member.lng === null) return null;
  return distanceMetres({ lat: school.lat, lng: school.lng }, { lat: member.lat, lng: member.lng }) / METRES_PER_MILE;
}

const MONTHS = [
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
/** "2027-09-01" → "1 September 2027": a calendar day needs no time zone (and ranking thousands must be cheap). */
function formatDay(day: string): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1] ?? ""} ${day.slice(0, 4)}`;
}

const oneDecimal = (miles: number) => (miles < 10 ? miles.toFixed(1) : String(Math.round(miles)));

export function fit(member: FitMember, school: FitSchool, wanted: FitWanted = {}): Fit {
  let score = 0;
  const reasons: string[] = [];

  // Subject: what was asked for, else the member's first subject (a fit for any subject they teach).
  if (wanted.subject) {
    if (member.subjects.includes(wanted.subject)) {
      score += FIT_WEIGHTS.subject;
      reasons.push(`Teaches ${subjectInSentence(wanted.subject)}`);
    }
  } else if (member.subjects.length > 0) {
    score += FIT_WEIGHTS.subject / 2;
    reasons.push(`Teaches ${member.subjects.map(subjectInSentence).join(", ")}`);
  }

  if (wanted.phase) {
    if (member.phases.includes(wanted.phase)) {
      score += FIT_WEIGHTS.phase;
      reasons.push(`Wants to teach in ${lower(phaseLabels[wanted.phase as Phase] ?? wanted.phase)} schools`);
    } else if (member.phases.length === 0) {
      score += FIT_WEIGHTS.phase / 2;
    }
  } else {
    score += FIT_WEIGHTS.phase / 2;
  }

  const miles = milesBetween(school, member);
  if (miles !== null) {
    const reach = member.travelMiles;
    if (reach !== null && miles <= reach) {
      // Within their reach: nearer is better, never below half the weight.
      score += FIT_WEIGHTS.distance * (1 - 0.5 * (miles / reach));
      reasons.push(`${oneDecimal(miles)} miles away, within the ${reach} they will travel`);
    } else if (reach === null) {
      score += FIT_WEIGHTS.distance / 2;
      reasons.push(`${oneDecimal(miles)} miles away`);
    } else {
      reasons.push(`${oneDecimal(miles)} miles away, further than the ${reach} they will travel`);
    }
  }

  if (member.availableFrom !== null) {
    if (!wanted.startBy || member.availableFrom <= wanted.startBy) {
      score += FIT_WEIGHTS.availability;
      reasons.push(`Available from ${formatDay(member.availableFrom)}`);
    } else {
      reasons.push(`Not available until ${formatDay(member.availableFrom)}`);
    }
  } else if (!wanted.startBy) {
    score += FIT_WEIGHTS.availability / 2;
  }

  if (wanted.contract) {
    if (member.contracts.length === 0 || member.contracts.includes(wanted.contract)) {
      score += FIT_WEIGHTS.contract;
      reasons.push(
        `Would take a ${lower(contractLabels[wanted.contract as ContractType] ?? wanted.contract)} contract`,
      );
    }
  } else {
    score += FIT_WEIGHTS.contract;
  }

  if (wanted.workingPattern) {
    if (member.workingPatterns.length === 0 || member.workingPatterns.includes(wanted.workingPattern)) {
      score += FIT_WEIGHTS.workingPattern;
      reasons.push(
        `Would work ${lower(workingPatternLabels[wanted.workingPattern as WorkingPattern] ?? wanted.workingPattern)}`,
      );
    }
  } else {
    score += FIT_WEIGHTS.workingPattern;
  }

  return { score: Math.round(score * 10) / 10, reasons, miles: miles === null ? null : Math.round(miles * 10) / 10 };
}

/** Best fit first; equal fits nearer first, then by `key` so the order is stable page to page. */
export function rankByFit<T extends { key: string; fit: Fit }>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      b.fit.score - a.fit.score ||
      (a.fit.miles ?? Infinity) - (b.fit.miles ?? Infinity) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
