import type { Executor } from "../../db/client";
import { formatMiles } from "../vocabulary/distance";
import { formatPounds } from "../vocabulary/money";
import { currentAssessment } from "./assessment.server";
import { badgeText, storedBadge } from "./explain";
import { comparedCount, type Comparable, type Finding, type PayBasis } from "./rule";

/** The badge a teacher sees on a vacancy, with one line on what it rests on; null when there is nothing to say. */
export async function publicPayBadge(
  db: Executor,
  vacancyId: string,
): Promise<{ text: string; kind: string; basis: string } | null> {
  const current = await currentAssessment(db, vacancyId);
  if (!current) return null;
  const badge = storedBadge(current);
  const text = badgeText(badge);
  if (!text) return null;
  const policy = current.policy as { radiusMiles: number };
  const compared = (current.findings as Finding[]).find((f) => "comparables" in f && "benchmark" in f) as
    (Finding & { comparables: Comparable[]; found?: number; benchmark: number; basis?: PayBasis }) | undefined;
  const basis =
    badge.kind === "below_national_scale"
      ? "Its starting pay is below the national pay scale for teachers in this area."
      : compared
        ? `Compared with ${comparedCount(compared)} similar offers at other schools within ${formatMiles(policy.radiusMiles * 1609.344)}: their median ${compared.basis === "starting_salary" ? "starting salary" : "top of range"} is ${formatPounds(compared.benchmark)}.`
        : "";
  return { text, kind: badge.kind, basis };
}
