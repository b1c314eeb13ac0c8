import { sql, type SQL } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  hasRole,
  holdsRole,
  membershipActsForSchool,
  organisationIdsWhereUserHolds,
  partnershipIdsWhereUserHolds,
  schoolIdsWhereUserHolds,
  schoolOfOrganisation,
  userIdsWhoHold,
} from "../../app/access/scope.server";
import { roles, type Role } from "../../app/vocabulary/roles";
import { rowsOf } from "../../db/rows";
import { useTestDatabase } from "../support/database";
import { valeRegion } from "../support/factories";

/** The scoping rule on its own, on whichever database the run uses (PGlite, or TEST_DATABASE_URL's server). */
const t = useTestDatabase();

async function ids(fragment: SQL): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(await t.db.execute(sql`SELECT x.id FROM (${fragment}) AS x(id) ORDER BY 1`));
  return rows.map((r) => r.id);
}

const sorted = (values: { id: string }[]) => values.map((v) => v.id).sort();

describe("access scope", () => {
  it("a trust's HR holds hr over its schools and the trust, not over another trust's or the LA's schools", async () => {
    const r = await valeRegion(t.db);
    expect(await ids(schoolIdsWhereUserHolds(r.hrA.id, ["hr"]))).toEqual(sorted([r.a1, r.a2]));
    expect(await ids(organisationIdsWhereUserHolds(r.hrA.id, ["hr"]))).toEqual([r.trustA.id]);
    expect(await ids(partnershipIdsWhereUserHolds(r.hrA.id, ["hr"]))).toEqual([]);
    expect(await hasRole(t.db, r.hrA.id, "hr", { kind: "school", schoolId: r.a2.id })).toBe(true);
    expect(await hasRole(t.db, r.hrA.id, "hr", { kind: "school", schoolId: r.b1.id })).toBe(false);
    expect(await hasRole(t.db, r.hrA.id, "hr", { kind: "school", schoolId: r.la1.id })).toBe(false);
    expect(await hasRole(t.db, r.hrA.id, "hr", { kind: "organisation", organisationId: r.trustA.id })).toBe(true);
    expect(await hasRole(t.db, r.hrA.id, "hr", { kind: "organisation", organisationId: r.trustB.id })).toBe(false);
    expect(await hasRole(t.db, r.hrA.id, "hr", { kind: "partnership", partnershipId: r.vale.id })).toBe(false);
  });

  it("a local authority's HR holds hr over its maintained schools only, not academies in its area", async () => {
    const r = await valeRegion(t.db);
    // a1, a2 and b1 are in LA 358 too, but belong to trusts.
    expect(await ids(schoolIdsWhereUserHolds(r.hrLa.id, ["hr"]))).toEqual([r.la1.id]);
    expect(await hasRole(t.db, r.hrLa.id, "hr", { kind: "school", schoolId: r.a1.id })).toBe(false);
  });

  it("a role held at a school covers that school only; the role must match", async () => {
    const r = await valeRegion(t.db);
    expect(await ids(schoolIdsWhereUserHolds(r.schoolHr.id, ["hr"]))).toEqual([r.a1.id]);
    expect(await ids(schoolIdsWhereUserHolds(r.mentor.id, ["mentor"]))).toEqual([r.a1.id]);
    expect(await ids(schoolIdsWhereUserHolds(r.mentor.id, ["hr"]))).toEqual([]);
    // A trust-level teacher holds "teacher" at the trust's schools, and not hr.
    expect(await ids(schoolIdsWhereUserHolds(r.teacherTrustA.id, ["teacher"]))).toEqual(sorted([r.a1, r.a2]));
    expect(await hasRole(t.db, r.teacherTrustA.id, "hr", { kind: "school", schoolId: r.a1.id })).toBe(false);
    expect(await hasRole(t.db, r.teacherTrustA.id, ["hr", "teacher"], { kind: "school", schoolId: r.a1.id })).toBe(
      true,
    );
  });

  it("a partnership admin holds their role over every school and organisation of their partnership, no other", async () => {
    const r = await valeRegion(t.db);
    const admin = ["partnership_admin"] as Role[];
    expect(await ids(schoolIdsWhereUserHolds(r.admin.id, admin))).toEqual(sorted([r.a1, r.a2, r.b1, r.la1]));
    expect(await ids(organisationIdsWhereUserHolds(r.admin.id, admin))).toEqual(sorted([r.trustA, r.trustB, r.la]));
    expect(await ids(partnershipIdsWhereUserHolds(r.admin.id, admin))).toEqual([r.vale.id]);
    expect(await ids(schoolIdsWhereUserHolds(r.admin.id, ["hr"]))).toEqual([]);
    expect(await hasRole(t.db, r.admin.id, admin, { kind: "school", schoolId: r.foreign.id })).toBe(false);
    expect(await hasRole(t.db, r.admin.id, admin, { kind: "organisation", organisationId: r.foreignTrust.id })).toBe(
      false,
    );
    expect(await hasRole(t.db, r.foreignAdmin.id, admin, { kind: "partnership", partnershipId: r.vale.id })).toBe(
      false,
    );
    expect(await ids(schoolIdsWhereUserHolds(r.foreignAdmin.id, admin))).toEqual([r.foreign.id]);
  });

  it("a partnership-wide teacher holds teacher at the partnership, not at its schools", async () => {
    const r = await valeRegion(t.db);
    expect(await ids(partnershipIdsWhereUserHolds(r.teacher.id, ["teacher"]))).toEqual([r.vale.id]);
    expect(await ids(schoolIdsWhereUserHolds(r.teacher.id, ["teacher"]))).toEqual([]);
    expect(await hasRole(t.db, r.teacher.id, "teacher", { kind: "partnership", partnershipId: r.vale.id })).toBe(true);
  });

  it("holdsRole is an expression that composes into other queries", async () => {
    const r = await valeRegion(t.db);
    const rows = rowsOf<{ name: string }>(
      await t.db.execute(sql`SELECT s.name FROM schools s
                              WHERE ${holdsRole(r.hrB.id, ["hr"], { kind: "organisation", organisationId: r.trustB.id })}
                                AND s.trust_id = ${r.trustB.id}`),
    );
    expect(rows.map((x) => x.name)).toEqual(["Oldfield Brow Primary School"]);
  });

  it("the schools of an organisation are a trust's schools or an LA's maintained schools", async () => {
    const r = await valeRegion(t.db);
    const of = async (organisationId: string) =>
      ids(sql`SELECT s.id FROM schools s JOIN organisations o ON o.id = ${organisationId}
               WHERE ${schoolOfOrganisation("s", "o")}`);
    expect(await of(r.trustA.id)).toEqual(sorted([r.a1, r.a2]));
    expect(await of(r.trustB.id)).toEqual([r.b1.id]);
    expect(await of(r.la.id)).toEqual([r.la1.id]);
    expect(await of(r.foreignTrust.id)).toEqual([r.foreign.id]);
  });

  it("read from the school's side, the rule agrees with the user's side for every user, school and role", async () => {
    await valeRegion(t.db);
    const users = rowsOf<{ id: string }>(await t.db.execute(sql`SELECT id FROM users ORDER BY id`));
    const schoolIds = await ids(sql`SELECT id FROM schools`);
    // Partnership admins are excluded by design from a school's staff (they administer, they are not staff).
    for (const role of roles.filter((x) => x !== "partnership_admin")) {
      for (const user of users) {
        const forward = await ids(schoolIdsWhereUserHolds(user.id, [role]));
        const backward = await ids(sql`
          SELECT s.id FROM schools s
           WHERE EXISTS (SELECT 1 FROM memberships m
                          WHERE m.user_id = ${user.id} AND m.role = ${role} AND ${membershipActsForSchool("m", "s", [role])})`);
        expect(backward, `${role} for ${user.id}`).toEqual(forward);
      }
    }
    expect(schoolIds.length).toBe(5);
  });

  it("who holds a role over a school, an organisation or a partnership agrees with each user's side, for every role", async () => {
    await valeRegion(t.db);
    const users = rowsOf<{ id: string }>(await t.db.execute(sql`SELECT id FROM users ORDER BY id`));
    const schoolIds = await ids(sql`SELECT id FROM schools`);
    const organisationIds = await ids(sql`SELECT id FROM organisations`);
    const partnershipIds = await ids(sql`SELECT id FROM partnerships`);
    expect(schoolIds.length).toBe(5);
    expect(organisationIds.length).toBeGreaterThan(0);
    expect(partnershipIds.length).toBeGreaterThan(0);
    let held = 0;
    for (const role of roles) {
      const forSchool = new Map<string, string[]>();
      for (const user of users) {
        for (const schoolId of await ids(schoolIdsWhereUserHolds(user.id, [role]))) {
          forSchool.set(schoolId, [...(forSchool.get(schoolId) ?? []), user.id]);
          held++;
        }
      }
      for (const schoolId of schoolIds) {
        const holders = (await ids(userIdsWhoHold([role], { kind: "school", schoolId }))).sort();
        expect(holders, `${role} over school ${schoolId}`).toEqual((forSchool.get(schoolId) ?? []).sort());
      }
      for (const organisationId of organisationIds) {
        const expected: string[] = [];
        for (const user of users)
          if ((await ids(organisationIdsWhereUserHolds(user.id, [role]))).includes(organisationId))
            expected.push(user.id);
        const holders = (await ids(userIdsWhoHold([role], { kind: "organisation", organisationId }))).sort();
        expect(holders, `${role} over organisation ${organisationId}`).toEqual(expected.sort());
      }
      for (const partnershipId of partnershipIds) {
        const expected: string[] = [];
        for (const user of users)
          if ((await ids(partnershipIdsWhereUserHolds(user.id, [role]))).includes(partnershipId))
            expected.push(user.id);
        const holders = (await ids(userIdsWhoHold([role], { kind: "partnership", partnershipId }))).sort();
        expect(holders, `${role} over partnership ${partnershipId}`).toEqual(expected.sort());
      }
    }
    expect(held).toBeGreaterThan(0);
  });

  it("refuses an empty role list instead of matching nobody silently", () => {
    expect(() => schoolIdsWhereUserHolds("u", [])).toThrow(/at least one role/);
  });
});
