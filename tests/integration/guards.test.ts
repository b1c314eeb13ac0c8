import { describe, expect, it } from "vitest";
import { loader as adminIndexLoader } from "../../app/routes/admin._index";
import { loader as adminLoader } from "../../app/routes/admin.$slug";
import { loader as schoolAdminLoader } from "../../app/routes/schools.$urn_.admin";
import { useTestDatabase } from "../support/database";
import { addMembership, createUser, sessionCookie, valeRegion } from "../support/factories";
import { callRoute, getRequest } from "../support/requests";

const adminIndex = async (cookie?: string) => callRoute(adminIndexLoader, getRequest("/admin", cookie));
const adminPage = async (slug: string, cookie?: string) =>
  callRoute(adminLoader, getRequest(`/admin/${slug}`, cookie), { slug });
const schoolAdmin = async (urn: number | string, cookie?: string) =>
  callRoute(schoolAdminLoader, getRequest(`/schools/${urn}/admin`, cookie), { urn: String(urn) });

describe("guards on the admin pages, through the route loaders", () => {
  const t = useTestDatabase();

  it("anonymous visitors are sent to sign in, and brought back afterwards", async () => {
    const r = await valeRegion(t.db);
    for (const res of [await adminIndex(), await adminPage("vale"), await schoolAdmin(106283)]) {
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=%2F(admin|schools)/);
    }
    // A forged or expired session cookie is the same as none.
    const cookieName = (await sessionCookie(r.admin)).split("=")[0];
    const forged = await adminPage("vale", `${cookieName}=${"a".repeat(40)}`);
    expect(forged.status).toBe(302);
  });

  it("a teacher gets 403 on /admin and 404 on a partnership's admin page and a school's staff page", async () => {
    const r = await valeRegion(t.db);
    const cookie = await sessionCookie(r.teacher);
    expect((await adminIndex(cookie)).status).toBe(403);
    expect((await adminPage("vale", cookie)).status).toBe(404);
    expect((await schoolAdmin(106283, cookie)).status).toBe(404);
    // A mentor at the school is staff there, but does not manage its staff.
    expect((await schoolAdmin(106283, await sessionCookie(r.mentor))).status).toBe(404);
    // A signed-in user with no role at all: the same.
    const nobody = await sessionCookie(await createUser(t.db));
    expect((await adminIndex(nobody)).status).toBe(403);
    expect((await adminPage("vale", nobody)).status).toBe(404);
  });

  it("a partnership admin reaches /admin (sent on to their only partnership) and its page, but not another partnership's", async () => {
    const r = await valeRegion(t.db);
    const cookie = await sessionCookie(r.admin);
    const index = await adminIndex(cookie);
    expect(index.status).toBe(302);
    expect(index.headers.get("Location")).toBe("/admin/vale");
    expect((await adminPage("vale", cookie)).status).toBe(200);
    expect((await adminPage("other", cookie)).status).toBe(404);
    expect((await adminPage("no-such-partnership", cookie)).status).toBe(404);
    // Every school of the partnership, whoever runs it; none outside it.
    for (const urn of [106283, 106284, 106285]) expect((await schoolAdmin(urn, cookie)).status).toBe(200);
    expect((await schoolAdmin(106135, cookie)).status).toBe(404);
  });

  it("an admin of two partnerships gets the list of both", async () => {
    const r = await valeRegion(t.db);
    await addMembership(t.db, r.admin, "partnership_admin", { partnership: r.other });
    const res = await adminIndex(await sessionCookie(r.admin));
    expect(res.status).toBe(200);
    expect((await res.json()).partnerships.map((p: { slug: string }) => p.slug)).toEqual(["other", "vale"]);
  });

  it("HR of trust A see their own school's staff page, and get 404 for trust B's and the LA's schools", async () => {
    const r = await valeRegion(t.db);
    const hrA = await sessionCookie(r.hrA);
    expect((await schoolAdmin(106283, hrA)).status).toBe(200);
    expect((await schoolAdmin(106284, hrA)).status).toBe(404);
    expect((await schoolAdmin(106285, hrA)).status).toBe(404);
    expect((await adminPage("vale", hrA)).status).toBe(404);
    expect((await adminIndex(hrA)).status).toBe(403);
    const hrB = await sessionCookie(r.hrB);
    expect((await schoolAdmin(106284, hrB)).status).toBe(200);
    expect((await schoolAdmin(106283, hrB)).status).toBe(404);
  });

  it("LA HR reach the LA's maintained schools only; school HR reach their own school only", async () => {
    const r = await valeRegion(t.db);
    const hrLa = await sessionCookie(r.hrLa);
    expect((await schoolAdmin(106285, hrLa)).status).toBe(200);
    expect((await schoolAdmin(106283, hrLa)).status).toBe(404); // an academy in the LA's area
    const hrSchool = await sessionCookie(r.schoolHr);
    expect((await schoolAdmin(106283, hrSchool)).status).toBe(200);
    expect((await schoolAdmin(106284, hrSchool)).status).toBe(404);
  });

  it("unknown or malformed URNs and slugs are 404s for everyone, never 500s", async () => {
    const r = await valeRegion(t.db);
    const cookie = await sessionCookie(r.admin);
    for (const urn of ["999999", "abc", "-1", "1e3", "' OR 1=1 --", "<script>", "9".repeat(40)]) {
      expect((await schoolAdmin(urn, cookie)).status, urn).toBe(404);
    }
    for (const slug of ["' OR 1=1 --", "<script>alert(1)</script>", "x".repeat(5000), "vale%00", "🙂"]) {
      expect((await adminPage(slug, cookie)).status, slug).toBe(404);
    }
    for (const q of ["schoolsPage=-3", "membersPage=abc", "schoolsPage=99999999", "membersPage=' OR 1=1 --"]) {
      expect((await callRoute(adminLoader, getRequest(`/admin/vale?${q}`, cookie), { slug: "vale" })).status, q).toBe(
        200,
      );
    }
  });
});
