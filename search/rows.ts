import { z } from "zod";
import type { DocumentSchool, VacancyDocument } from "./document";

/**
 * The shapes of the rows the search code reads with raw SQL, checked in development and tests by `parseRows`
 * (db/rows.ts). The documents are the index's contract with both engines, so a column renamed in the vacancy
 * query or a document stored in an older shape fails the first test that reads it, naming the query.
 */

const moment = z.union([z.string(), z.date()]);

const payBadge = z.object({
  kind: z.enum([
    "below_statutory_minimum",
    "below_national_scale",
    "below_nearby",
    "about_local_rate",
    "at_or_above_local_rate",
    "none",
  ]),
  basisPoints: z.number().nullable(),
});

const documentSchool = z.object({
  schoolId: z.string(),
  urn: z.number().int(),
  name: z.string(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  laName: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  religiousCharacter: z.string().nullable().optional(),
  fteShare: z.number().nullable(),
}) satisfies z.ZodType<DocumentSchool>;

/** A stored document (search_documents.document), as both engines index it. */
const vacancyDocument = z.object({
  vacancyId: z.string(),
  title: z.string(),
  role: z.string(),
  phases: z.array(z.string()),
  keyStages: z.array(z.string()),
  subjects: z.array(z.string()),
  contractType: z.string(),
  workingPattern: z.string(),
  payRange: z.string(),
  salaryMinFte: z.number().nullable(),
  salaryMaxFte: z.number().nullable(),
  hourlyRatePence: z.number().nullable(),
  fteThousandths: z.number().int(),
  ectSuitable: z.boolean(),
  allowances: z.array(z.string()).optional(),
  visaSponsorship: z.boolean(),
  schoolTypes: z.array(z.string()),
  trusts: z.array(z.string()),
  trustNames: z.array(z.string()),
  ownerName: z.string(),
  sharedWith: z.array(z.string()).optional(),
  publishedAt: z.string(),
  closesAt: z.string(),
  aboutRole: z.string(),
  skillsExperience: z.string(),
  schools: z.array(documentSchool),
  payBadge: payBadge.optional(),
}) satisfies z.ZodType<VacancyDocument>;

/** A school as the document query returns it: with the fields that decide its school types and trust. */
const schoolRow = documentSchool.extend({
  // numeric inside json_build_object: a JSON number; kept open to text should a driver send numerics as text.
  fteShare: z.union([z.number(), z.string()]).nullable(),
  religiousCharacter: z.string().nullable(),
  typeGroup: z.string().nullable(),
  establishmentType: z.string().nullable(),
  trustSlug: z.string().nullable(),
  trustName: z.string().nullable(),
});

/** A vacancy as search/documents.server.ts reads it, before it becomes a document. */
export const documentSourceRow = vacancyDocument
  .pick({
    vacancyId: true,
    title: true,
    role: true,
    phases: true,
    keyStages: true,
    subjects: true,
    contractType: true,
    workingPattern: true,
    payRange: true,
    salaryMinFte: true,
    salaryMaxFte: true,
    hourlyRatePence: true,
    ectSuitable: true,
    visaSponsorship: true,
    aboutRole: true,
    skillsExperience: true,
    ownerName: true,
  })
  .extend({
    // numeric(4,3): text from both drivers.
    fte: z.string(),
    allowances: z.array(z.object({ kind: z.string() }).loose()).nullable(),
    publishedAt: moment,
    closesAt: moment,
    ownerKind: z.string().nullable(),
    ownerSlug: z.string().nullable(),
    sharedWith: z.array(z.string()).nullable(),
    payBadge: payBadge.nullable(),
    schools: z.array(schoolRow),
  });
export type DocumentSourceRow = z.infer<typeof documentSourceRow>;

/** A page of results: the vacancy, its distance when the search has a place, and its stored document. */
export const hitRow = z.object({ vacancyId: z.string(), metres: z.number().nullable(), document: vacancyDocument });

/** A facet's counts: the key and one count per set of conditions (`n0`, `n1`…), null where a set has none. */
export const facetCountRow = z.object({ key: z.string() }).catchall(z.number().nullable());

export const signatureRow = z.object({ id: z.number().int(), kind: z.string(), keys: z.array(z.string()) });

export const typoCandidateRow = z.object({ word: z.string(), term: z.string() });

/** A constraint or index of a live search table, as the swap copies it onto the fresh table. */
export const tableDefinitionRow = z.object({ name: z.string(), definition: z.string() });

export const identityColumnRow = z.object({
  column: z.string(),
  live: z.string().nullable(),
  fresh: z.string().nullable(),
});

export const rebuildingRow = z.object({ rebuilding: z.boolean() });

export const stateIdRow = z.object({ id: z.number().int() });

export const commentRow = z.object({ comment: z.string().nullable() });

/** `version` is a bigint: text from postgres.js, a number from PGlite; it only travels back as text. */
export const pendingChangeRow = z.object({ vacancyId: z.string(), version: z.union([z.string(), z.number().int()]) });

/** The index's next closing time after a moment, in epoch ms (none: null). */
export const nextCloseRow = z.object({ next: z.number().nullable() });
