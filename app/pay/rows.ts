import { z } from "../forms/zod";
import type { PayPolicy } from "./policy";

/**
 * The shapes of the rows pay queries read, checked in development and tests by `parseRows` (db/rows.ts): a renamed
 * column, or a driver giving a value of another type, fails loudly there. Production skips the check, so the
 * nightly pass reads its thousands of rows as the driver gives them.
 */

/** A partnership's policy as the queries build it with json_build_object. */
export const policyRow = z.object({
  radiusMiles: z.number().int(),
  lookbackMonths: z.number().int(),
  minComparables: z.number().int(),
  minSchools: z.number().int(),
  toleranceBasisPoints: z.number().int(),
  premiumBasisPoints: z.number().int(),
  onFlag: z.enum(["justify", "block"]),
}) satisfies z.ZodType<PayPolicy>;

/** A date or timestamp column read as it is: postgres.js (through Drizzle) gives text, PGlite a Date. */
const dateValue = z.union([z.string(), z.date()]);

/** The offer, its schools and its partnership's policy as the rule sees them (assessment.server.ts inputsWhere). */
export const vacancyInputsRow = z.object({
  id: z.string(),
  role: z.string(),
  phases: z.array(z.string()),
  payRange: z.string(),
  salaryMinFte: z.number().int().nullable(),
  salaryMaxFte: z.number().int().nullable(),
  entryLevel: z.boolean(),
  allowances: z.array(z.object({ kind: z.string(), amount: z.number() })),
  startKind: z.string(),
  startDate: dateValue.nullable(),
  partnershipId: z.string().nullable(),
  policy: policyRow.nullable(),
  schools: z.array(
    z.object({
      schoolId: z.string(),
      name: z.string(),
      laCode: z.string(),
      districtCode: z.string().nullable(),
      districtName: z.string().nullable(),
      typeGroup: z.string().nullable(),
      establishmentType: z.string().nullable(),
      religiousCharacter: z.string().nullable(),
      byLead: z.boolean(),
      lat: z.number().nullable(),
      lng: z.number().nullable(),
    }),
  ),
  leadIsLocalAuthority: z.boolean(),
  scalesStamp: z.string(),
  offersLook: z.unknown(),
});

/** One published offer of a partnership's area (area.server.ts areaOffers), before it is split by phase. */
export const areaOfferRow = z.object({
  vacancyId: z.string(),
  title: z.string(),
  role: z.string(),
  phases: z.array(z.string()),
  payRange: z.string(),
  salaryMinFte: z.number().int(),
  salaryMaxFte: z.number().int(),
  /** numeric: text from both drivers. */
  fte: z.union([z.string(), z.number()]),
  status: z.string(),
  publishedOn: dateValue,
  schoolName: z.string(),
  urn: z.number().int(),
  laCode: z.string(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  typeGroup: z.string().nullable(),
  employer: z.string(),
  trustSchools: z.number().int().nullable(),
  badge: z.string().nullable(),
  flagged: z.boolean(),
  benchmark: z.number().int().nullable(),
});

/** An open vacancy as the nightly pass finds it: its current outcome and its last check. */
export const openVacancyRow = z.object({
  id: z.string(),
  current: z.string().nullable(),
  digest: z.string().nullable(),
  checkedAt: z.string().nullable(),
  radiusMiles: z.number().int().nullable(),
  lookbackMonths: z.number().int().nullable(),
  assessedSince: z.boolean(),
});
