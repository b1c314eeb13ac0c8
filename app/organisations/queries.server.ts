import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { organisations, partnerships, schools } from "../../db/schema";
import { z } from "../forms/zod";
import { schoolOfOrganisation } from "../access/scope.server";
import type { SchoolListItem } from "../schools/queries.server";

export type OrganisationDetails = {
  id: string;
  slug: string;
  name: string;
  kind: string;
  laCode: string | null;
  partnershipName: string | null;
};

/** An organisation (trust, local authority, ITT provider, hub) by its slug, with its partnership's name. */
export async function findOrganisation(db: Executor, slug: string): Promise<OrganisationDetails | null> {
  const [row] = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      laCode: organisations.laCode,
      partnershipName: partnerships.name,
    })
    .from(organisations)
    .leftJoin(partnerships, eq(partnerships.id, organisations.partnershipId))
    .where(eq(organisations.slug, slug));
  return row ?? null;
}

const schoolListItem = z.object({
  id: z.string(),
  urn: z.number(),
  name: z.string(),
  phase: z.string(),
  laName: z.string(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
}) satisfies z.ZodType<SchoolListItem>;

/** A trust's schools, or a local authority's maintained schools, by name. */
export async function schoolsOfOrganisation(db: Executor, organisationId: string): Promise<SchoolListItem[]> {
  // The aliases are the ones schoolOfOrganisation's predicate names.
  const s = alias(schools, "s");
  const o = alias(organisations, "o");
  return parseRows(
    await db.execute(sql`
      SELECT ${s.id}, ${s.urn}, ${s.name}, ${s.phase}, ${s.laName} AS "laName", ${s.town}, ${s.postcode}, ${s.lat}, ${s.lng}
        FROM ${schools} ${s} JOIN ${organisations} ${o} ON ${o.id} = ${organisationId}
       WHERE ${schoolOfOrganisation("s", "o")}
       ORDER BY ${s.name}`),
    schoolListItem,
    "an organisation's schools",
  );
}
