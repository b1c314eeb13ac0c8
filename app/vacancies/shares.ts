/**
 * Roles shared across employers (docs/decisions/0022): the employer of record (the lead employer) posts the role;
 * each school of another employer that takes a share must have its share confirmed by that school's HR before the
 * role is published. These rules are pure; app/vacancies/shares.server.ts applies them.
 */
import { formatFte } from "./fte";
import type { Refusal, VacancyStatus } from "./lifecycle";
import type { ShareState } from "../vocabulary/share-confirmations";

/** Where a role is, as a set: each school with its share of the FTE (thousandths; null when not split). */
export type ShareSet = { fte: number; schools: { schoolId: string; share: number | null }[] };

/**
 * Whether the shares differ: a school added or removed, a share or the role's FTE changed. The order the schools are
 * listed in is not a change. This is what resets the other employers' confirmations.
 */
export function sharesChanged(before: ShareSet, after: ShareSet): boolean {
  if (before.fte !== after.fte || before.schools.length !== after.schools.length) return true;
  const shares = new Map(before.schools.map((s) => [s.schoolId, s.share]));
  return after.schools.some((s) => !shares.has(s.schoolId) || shares.get(s.schoolId) !== s.share);
}

/** The lead employer's schools first (the first school's pay area sets the pay points), otherwise as chosen. */
export function leadSchoolsFirst<T>(schools: T[], byLead: (school: T) => boolean): T[] {
  return [...schools.filter(byLead), ...schools.filter((s) => !byLead(s))];
}

/**
 * Whether HR may set these schools. A role at one school is posted by that school's own employer; and once a role
 * that involves another employer is live or scheduled, its shares stay as they were confirmed: a change would put
 * before teachers something the other employer has not agreed to.
 */
export function checkShareChange(input: {
  status: VacancyStatus;
  locationKind: "one" | "split" | "central";
  otherEmployersAfter: number;
  otherEmployersBefore: number;
  changed: boolean;
}): { ok: true } | Refusal {
  if (input.locationKind === "one" && input.otherEmployersAfter > 0)
    return {
      ok: false,
      message:
        "A role at one school is posted by that school's employer: choose one of your schools, or share the role between schools",
    };
  const live = input.status === "published" || input.status === "scheduled";
  if (live && input.changed && (input.otherEmployersBefore > 0 || input.otherEmployersAfter > 0))
    return {
      ok: false,
      message:
        "This role is shared with another employer, who confirmed the schools and split as they are: to change them, close the role and post a copy, which they confirm again",
    };
  return { ok: true };
}

/** A share as the rules read it. */
export type ShareLine = {
  schoolName: string;
  employerName: string;
  fteShare: number | null;
  state: ShareState;
  reason: string | null;
};

/** "Riverside Academy (0.4 FTE)", or the school alone for a role not split between schools. */
export function shareText(s: Pick<ShareLine, "schoolName" | "fteShare">): string {
  return s.fteShare === null ? s.schoolName : `${s.schoolName} (${formatFte(s.fteShare)} FTE)`;
}

/** What stops a role shared across employers from being published: one sentence per share not confirmed. */
export function publicationBlockers(shares: ShareLine[]): string[] {
  return shares.flatMap((s) => {
    if (s.state === "confirmed") return [];
    if (s.state === "declined")
      return [
        `${s.employerName} declined the share at ${shareText(s)}: “${s.reason ?? ""}”. Change the schools to publish`,
      ];
    return [`${s.employerName} has not yet confirmed the share at ${shareText(s)}`];
  });
}

/**
 * Whether the other employer may answer now. Only a draft's shares are answered: once the role is live or scheduled
 * the confirmed shares are what teachers read, and the lead employer closes it if the arrangement ends.
 */
export function checkDecision(status: VacancyStatus): { ok: true } | Refusal {
  if (status === "draft") return { ok: true };
  return {
    ok: false,
    message:
      status === "published" || status === "scheduled"
        ? "The role is already published with the shares as confirmed: to end the arrangement, ask the employer to close it"
        : "The role has closed: there is nothing to confirm",
  };
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "Employed by X", or "Employed by X, shared with Y and Z" for a role shared with other employers' schools. */
export function employedByText(employer: string, sharedWith: string[]): string {
  const others = [...new Set(sharedWith)].filter((name) => name !== employer);
  return others.length === 0
    ? `Employed by ${employer}`
    : `Employed by ${employer}, shared with ${listInWords(others)}`;
}
