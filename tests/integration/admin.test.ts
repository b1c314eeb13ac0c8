import { describe, expect, it } from "vitest";
import { adminPartnerships, partnershipOverview } from "../../app/partnerships/queries.server";
import { loader as adminLoader } from "../../app/routes/admin.$slug";
import { loader as schoolAdminLoader } from "../../app/routes/schools.$urn_.admin";
import { schoolStaff } from "../../app/schools/queries.server";
import { useTestDatabase } from "../support/database";
import { sessionCookie, valeRegion } from "../support/factories";
import { callRoute, getRequest } from "../support/requests";

const paging = (page = 1, pageSize = 50) => ({ schools: { page, pageSize }, members: { page, pageSize } });

describe("partnership admin and school staff pages", () => {
  const t = useTestDatabase();

  it("the overview lists the partnership's schools, organisations with school counts, and every member in its scope", async () => {
    const r = await valeRegion(t.db);
    const o = await partnershipOverview(t.db, r.admin.id, r.vale.id, paging());
    expect(o.schoolCount).toBe(4);
    expect(o.schools.map((s) => s.name)).toEqual([
      "Navigation Primary School",
      "Oldfield Brow Primary School",
      "Springfield Primary School",
      "Stamford Park Primary School",
    ]);
    expect(o.organisations.map((x) => [x.name, x.kind, x.schools])).toEqual([
      ["Trust A", "academy_trust", 2],
      ["Trust B", "academy_trust", 1],
      ["Trafford Council", "local_authority", 1],
    ]);
    const emails = o.members.map((m) => m.email).sort();
    expect(emails).toEqual(
      [
        "admin@vale.example",
        "hr@a.example",
        "teacher-at-trust@a.example",
        "hr@b.example",
        "hr@trafford.example",
        "mentor@navigation.example",
        "office@navigation.example",
        "pool@example.com",
      ].sort(),
    );
    expect(o.memberCount).toBe(8);
    expect(o.members.find((m) => m.email === "mentor@navigation.example")).toMatchObject({
      role: "mentor",
      where: "Navigation Primary School",
    });
    expect(o.members.find((m) => m.email === "hr@a.example")).toMatchObject({ role: "hr", where: "Trust A" });
    expect(o.members.find((m) => m.email === "pool@example.com")).toMatchObject({ role: "teacher", where: "Vale" });
  });

  it("the overview pages, and is empty for anyone who does not administer the partnership", async () => {
    const r = await valeRegion(t.db);
    const p1 = await partnershipOverview(t.db, r.admin.id, r.vale.id, paging(1, 3));
    const p3 = await partnershipOverview(t.db, r.admin.id, r.vale.id, paging(3, 3));
    expect([p1.members.length, p3.members.length]).toEqual([3, 2]);
    expect([p1.memberCount, p3.memberCount, p3.schoolCount]).toEqual([8, 8, 4]);
    expect(p3.schools).toEqual([]);
    for (const viewer of [r.hrA, r.foreignHr]) {
      const none = await partnershipOverview(t.db, viewer.id, r.vale.id, paging());
      expect(none).toEqual({ schools: [], schoolCount: 0, organisations: [], members: [], memberCount: 0 });
    }
    expect((await adminPartnerships(t.db, r.admin.id)).map((p) => p.slug)).toEqual(["vale"]);
    expect(await adminPartnerships(t.db, r.hrA.id)).toEqual([]);
  });

  it("a school's staff are its own members and the HR of the trust that runs it, not the trust's teachers", async () => {
    const r = await valeRegion(t.db);
    const staff = await schoolStaff(t.db, r.hrA.id, r.a1.id);
    expect(staff.map((s) => [s.email, s.role, s.where])).toEqual([
      ["mentor@navigation.example", "mentor", "Navigation Primary School"],
      ["office@navigation.example", "hr", "Navigation Primary School"],
      ["hr@a.example", "hr", "Trust A"],
    ]);
    // A maintained school: the LA's HR act for it.
    expect((await schoolStaff(t.db, r.admin.id, r.la1.id)).map((s) => s.email)).toEqual(["hr@trafford.example"]);
    // The query itself refuses viewers without the right: trust B's HR, school-level HR of another school, another partnership's HR.
    expect(await schoolStaff(t.db, r.hrB.id, r.a1.id)).toEqual([]);
    expect(await schoolStaff(t.db, r.schoolHr.id, r.a2.id)).toEqual([]);
    expect(await schoolStaff(t.db, r.foreignHr.id, r.a1.id)).toEqual([]);
    expect(await schoolStaff(t.db, r.hrLa.id, r.a1.id)).toEqual([]);
  });

  it("the pages link to the invitation form for each organisation and school", async () => {
    const r = await valeRegion(t.db);
    const admin = await sessionCookie(r.admin);
    const res = await callRoute(adminLoader, getRequest("/admin/vale", admin), { slug: "vale" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.organisations.map((o: { kindLabel: string }) => o.kindLabel)).toEqual([
      "Academy trust",
      "Academy trust",
      "Local authority",
    ]);
    expect(body.members.find((m: { email: string }) => m.email === "hr@a.example").role).toBe("HR staff");
    expect(body.paging).toMatchObject({ schoolsPage: 1, membersPage: 1 });

    const staffPage = await callRoute(
      schoolAdminLoader,
      getRequest("/schools/106283/admin", await sessionCookie(r.hrA)),
      { urn: "106283" },
    );
    expect(staffPage.status).toBe(200);
    const staff = await staffPage.json();
    expect(staff.school).toEqual({ id: r.a1.id, urn: 106283, name: "Navigation Primary School" });
    expect(staff.staff).toHaveLength(3);
  });
});
