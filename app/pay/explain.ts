/** Findings and badges in words, for HR's review, the public badge and the e-mails. Pure. */
import { allowanceLabels, payRangeLabels, type AllowanceKind, type PayRange } from "../vocabulary/options";
import { formatPounds } from "../vocabulary/money";
import { payAreaLabels } from "../vocabulary/pay-areas";
import { formatGap } from "./policy";
import { comparedCount, type Badge, type Finding, type PayBasis } from "./rule";

const rangeName = (range: string) =>
  range === "headteacher"
    ? "headteacher pay range"
    : Object.hasOwn(payRangeLabels, range)
      ? payRangeLabels[range as PayRange].toLowerCase()
      : range;

/** What was compared, in words: the rule compares like with like (docs/decisions/0016-pay-like-with-like.md). */
function basisWords(basis: PayBasis | undefined, count: number) {
  return basis === "starting_salary"
    ? {
        rate: `the median starting salary of ${count} comparable entry-level offers at nearby schools`,
        own: "This offer starts at",
        why: "Posts suitable for early career teachers are compared only with each other, on what they start at, so an entry-level post is never measured against experienced teachers' pay.",
      }
    : {
        rate: `the median top of range of ${count} comparable offers at nearby schools`,
        own: "This offer's top of range is",
        why: "Posts for experienced teachers are compared with each other on how far their pay goes.",
      };
}
const yearNote = (year: string, exact: boolean) =>
  exact ? year : `${year}, the latest year Staffroom has figures for; this year's minimum is at least as high`;

export function findingText(f: Finding): { title: string; detail: string; severity: "flag" | "info" | "ok" } {
  switch (f.kind) {
    case "below_statutory_minimum":
    case "below_national_scale":
      return {
        title: f.kind === "below_statutory_minimum" ? "Below the statutory minimum" : "Below the national scale",
        detail:
          `At ${f.schoolName} (${payAreaLabels[f.payArea]}) the ${rangeName(f.range)} starts at ${formatPounds(f.minimum)} (${yearNote(f.year, f.exactYear)}; source: ${f.source}). ` +
          `This offer starts at ${formatPounds(f.offered)}, ${formatPounds(f.shortfall)} below. ` +
          (f.kind === "below_statutory_minimum"
            ? "A maintained school must pay within the statutory range."
            : "An academy may set its own pay, but this is below the national scale."),
        severity: "flag",
      };
    case "allowance_below_minimum":
      return {
        title: `${allowanceLabels[f.allowance as AllowanceKind] ?? f.allowance} below its minimum`,
        detail: `The ${allowanceLabels[f.allowance as AllowanceKind] ?? f.allowance} offered (${formatPounds(f.offered)}) is below its minimum of ${formatPounds(f.minimum)} (${yearNote(f.year, f.exactYear)}; source: ${f.source}).`,
        severity: "flag",
      };
    case "undercuts_neighbours": {
      const words = basisWords(f.basis, comparedCount(f));
      return {
        title: `Undercuts neighbouring schools by ${formatGap(f.gapBasisPoints)} (${formatPounds(f.gapPounds)})`,
        detail: `The local rate is ${formatPounds(f.benchmark)}: ${words.rate}. ${words.own} ${formatPounds(f.offered)} (full-time equivalent). ${words.why}`,
        severity: "flag",
      };
    }
    case "outbids_neighbours": {
      const words = basisWords(f.basis, comparedCount(f));
      return {
        title: `Pays ${formatGap(f.premiumBasisPoints)} (${formatPounds(f.premiumPounds)}) above nearby schools`,
        detail: `The local rate is ${formatPounds(f.benchmark)}: ${words.rate}. ${words.own} ${formatPounds(f.offered)}. For information: the partnership can see offers well above its neighbours.`,
        severity: "info",
      };
    }
    case "at_local_rate": {
      const words = basisWords(f.basis, comparedCount(f));
      const below = f.offered < f.benchmark;
      return {
        title: below ? "About the local rate" : "At or above the local rate",
        detail:
          `The local rate is ${formatPounds(f.benchmark)}: ${words.rate}. ${words.own} ${formatPounds(f.offered)}` +
          (below
            ? `, ${formatPounds(Math.round(f.benchmark - f.offered))} below it but within the partnership's tolerance.`
            : "."),
        severity: "ok",
      };
    }
    case "figures_from_earlier_year":
      return {
        title: `${f.year} figures not published yet`,
        detail: `The statutory pay figures for ${f.year} are not published yet, so the latest published year, ${f.figuresYear}, was used. Pay ranges have only ever risen, so this year's minimum is at least as high.`,
        severity: "info",
      };
    case "not_enough_local_offers":
      return {
        title: "Not enough local offers to compare",
        detail: `${f.found} comparable ${f.found === 1 ? "offer" : "offers"} from ${f.schools} other ${f.schools === 1 ? "school" : "schools"} nearby; the partnership compares with at least ${f.needed} from ${f.neededSchools} schools. This is not a pass: there is nothing to compare with yet.`,
        severity: "info",
      };
    case "no_statutory_figure":
      return {
        title: "No statutory figure to check against",
        detail: `Staffroom has no statutory minimum for the ${rangeName(f.range)} in ${payAreaLabels[f.payArea]} for ${f.year} or an earlier year, so that check was not made.`,
        severity: "info",
      };
    case "pay_area_uncertain":
      return { title: `Pay area uncertain for ${f.schoolName}`, detail: f.note, severity: "info" };
    case "not_assessed":
      return { title: "Not compared", detail: f.reason, severity: "info" };
  }
}

/** The plain badge teachers see; null when there is not enough to say. */
export function badgeText(badge: Badge): string | null {
  switch (badge.kind) {
    case "below_statutory_minimum":
      return "Below the statutory minimum";
    case "below_national_scale":
      return "Below the national scale";
    case "about_local_rate":
      return "Pays about the local rate";
    case "below_nearby":
      return `Pays ${formatGap(badge.basisPoints)} below nearby schools`;
    case "at_or_above_local_rate":
      return "Pays at or above the local rate";
    case "none":
      return null;
  }
}

/** The badge of a stored assessment row. */
export function storedBadge(row: { badge: string; badgeBasisPoints: number | null }): Badge {
  if (row.badge === "below_nearby") return { kind: "below_nearby", basisPoints: row.badgeBasisPoints ?? 0 };
  if (
    row.badge === "below_statutory_minimum" ||
    row.badge === "below_national_scale" ||
    row.badge === "about_local_rate" ||
    row.badge === "at_or_above_local_rate"
  )
    return { kind: row.badge };
  return { kind: "none" };
}
