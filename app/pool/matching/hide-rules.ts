import { sql, type SQL } from "drizzle-orm";
import { schoolOfOrganisation } from "../../access/scope.server";

/**
 * Who may see a pool member (issue 17): only while pooled and consenting (`findable`), and never a school the member
 * hid from: the school itself, its trust, or its local authority when the school is maintained (no trust). The pure
 * rule is for tests and the member's own page; `visibleToSchool` is the same rule as SQL, in every query that lists,
 * counts or opens a member for a school.
 */

export type HideEntry = {
  schoolId: string | null;
  organisation: { id: string; kind: string; laCode: string | null } | null;
};
export type SchoolPlace = { id: string; trustId: string | null; laCode: string };

export function hiddenFrom(hides: readonly HideEntry[], school: SchoolPlace): boolean {
  return hides.some(
    (h) =>
      h.schoolId === school.id ||
      (h.organisation !== null &&
        (h.organisation.id === school.trustId ||
          (h.organisation.kind === "local_authority" &&
            school.trustId === null &&
            h.organisation.laCode === school.laCode))),
  );
}

export function visibleTo(
  member: { status: string; shownToSchools: boolean; hides: readonly HideEntry[] },
  school: SchoolPlace,
): boolean {
  return member.status === "pooled" && member.shownToSchools && !hiddenFrom(member.hides, school);
}

/**
 * `visibleTo` as SQL, over member alias `member` and a school id: pooled, consenting (these two literally as the
 * partial gist index states them, so the planner can use it), and not hidden from the school.
 */
export function visibleToSchool(member: string, schoolId: string | SQL): SQL {
  const m = sql.raw(member);
  return sql`(${m}.status = 'pooled' AND ${m}.shown_to_schools AND NOT ${hiddenFromSchool(member, schoolId)})`;
}

/**
 * A boolean SQL expression over a pool member alias: the member hid from school `schoolId` (the school itself, its
 * trust, or its local authority when the school is maintained). The one statement of the hide rule in SQL.
 */
export function hiddenFromSchool(member: string, schoolId: string | SQL): SQL {
  const m = sql.raw(member);
  return sql`EXISTS (
      SELECT 1 FROM pool_hidden_from h
        JOIN schools hs ON hs.id = ${schoolId}
        LEFT JOIN organisations ho ON ho.id = h.organisation_id
       WHERE h.member_id = ${m}.id
         AND (h.school_id = hs.id OR (ho.id IS NOT NULL AND ${schoolOfOrganisation("hs", "ho")})))`;
}
