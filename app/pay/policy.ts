import { z } from "../forms/zod";

/**
 * A partnership's pay-transparency policy: what counts as a neighbour, how many offers make a benchmark, and
 * how far below (or above) it an offer may be. Percentages are held in basis points (300 = 3%) so that an offer
 * exactly at the tolerance is compared exactly, with no floating-point edge.
 */
export type PayPolicy = {
  radiusMiles: number;
  lookbackMonths: number;
  minComparables: number;
  minSchools: number;
  toleranceBasisPoints: number;
  premiumBasisPoints: number;
  /** What publishing an undercutting or below-minimum offer needs: a written justification, or is it refused. */
  onFlag: "justify" | "block";
};

/**
 * The shortest justification a flagged offer can be published with. Here, not in a .server module, because the
 * HR page's hint shows it too: a server-only import is undefined in the browser ("At least undefined characters")
 * and made the page's hydration fail.
 */
export const MIN_JUSTIFICATION = 20;

export const DEFAULT_POLICY: PayPolicy = {
  radiusMiles: 10,
  lookbackMonths: 12,
  minComparables: 3,
  minSchools: 2,
  toleranceBasisPoints: 300,
  premiumBasisPoints: 1000,
  onFlag: "justify",
};

export const policyLabels: Record<keyof PayPolicy, string> = {
  radiusMiles: "Neighbouring schools are within (miles)",
  lookbackMonths: "Compare with offers published in the last (months)",
  minComparables: "Offers needed to compare",
  minSchools: "Other schools those offers must come from",
  toleranceBasisPoints: "Tolerance below the local rate (%)",
  premiumBasisPoints: "Premium above the local rate that is shown (%)",
  onFlag: "An undercutting or below-minimum offer",
};

const percent = (label: string, max: number) =>
  z.coerce
    .number({ error: `Enter ${label} as a number` })
    .min(0, `${label} cannot be negative`)
    .max(max, `${label} must be ${max}% or less`)
    .refine(
      (v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-9,
      `Use at most two decimal places`,
    )
    .transform((v) => Math.round(v * 100));

/** The policy form, in the units people type (miles, months, percentages). */
export const policyForm = z
  .object({
    radiusMiles: z.coerce
      .number({ error: "Enter a distance in miles" })
      .int("Use whole miles")
      .min(1, "At least 1 mile")
      .max(50, "50 miles at most"),
    lookbackMonths: z.coerce
      .number({ error: "Enter a number of months" })
      .int("Use whole months")
      .min(1, "At least 1 month")
      .max(36, "36 months at most"),
    minComparables: z.coerce
      .number({ error: "Enter a number" })
      .int("Use a whole number")
      .min(1, "At least 1")
      .max(50, "50 at most"),
    minSchools: z.coerce
      .number({ error: "Enter a number" })
      .int("Use a whole number")
      .min(1, "At least 1")
      .max(20, "20 at most"),
    tolerance: percent("the tolerance", 50),
    premium: percent("the premium", 100),
    onFlag: z.enum(["justify", "block"], { error: "Choose whether such offers need a justification or are refused" }),
  })
  .refine((p) => p.minSchools <= p.minComparables, {
    path: ["minSchools"],
    message: "Cannot need more schools than offers",
  });

export function fromForm(v: z.infer<typeof policyForm>): PayPolicy {
  return {
    radiusMiles: v.radiusMiles,
    lookbackMonths: v.lookbackMonths,
    minComparables: v.minComparables,
    minSchools: v.minSchools,
    toleranceBasisPoints: v.tolerance,
    premiumBasisPoints: v.premium,
    onFlag: v.onFlag,
  };
}

/** "3%" or "2.5%" from basis points. */
export function formatBasisPoints(bp: number): string {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, "")}%`;
}

/** A gap or premium for display: one decimal place ("12.8%"). */
export function formatGap(bp: number): string {
  // Up to the next 0.1%, never down: a gap just over the tolerance must not read as the tolerance itself.
  return `${(Math.ceil(bp / 10) / 10).toFixed(1).replace(/\.0$/, "")}%`;
}
