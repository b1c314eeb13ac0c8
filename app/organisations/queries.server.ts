import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
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
  const [row] = rowsOf<OrganisationDetails>(
    await db.execute(sql`
      SELECT o.id, o.slug, o.name, o.kind, o.la_code AS "laCode", p.name AS "partnershipName"
        FROM organisations o LEFT JOIN partnerships p ON p.id = o.partnership_id WHERE o.slug = ${slug}`),
  );
  return row ?? null;
}

/** A trust's schools, or a local authority's maintained schools, by name. */
export async function schoolsOfOrganisation(db: Executor, organisationId: string): Promise<SchoolListItem[]> {
  return rowsOf<SchoolListItem>(
    await db.execute(sql`
      SELECT s.id, s.urn, s.name, s.phase, s.la_name AS "laName", s.town, s.postcode, s.lat, s.lng
        FROM schools s JOIN organisations o ON o.id = ${organisationId}
       WHERE ${schoolOfOrganisation("s", "o")}
       ORDER BY s.name`),
  );
}
