import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hasRole } from "../../app/access/scope.server";
import { acceptInvitation, createInvitation, findInvitation } from "../../app/memberships/invitations.server";
import type { Role, Scope } from "../../app/vocabulary/roles";
import { emails, invitations, memberships, users } from "../../db/schema";
import { addMembership, createOrganisation, createPartnership, createSchool, createUser } from "../support/factories";
import { enqueueLater } from "../support/jobs";
import { useTestDatabase } from "../support/database";
import { firstRow } from "../../db/rows";
import { captured } from "../support/arrays";

const APP = { appUrl: "http://localhost:3000", enqueue: enqueueLater };

describe("invitations", () => {
  const t = useTestDatabase();

  /** Trusts A and B in one partnership, a school each, and an admin, trust A's HR and a teacher. */
  async function region() {
    const p = await createPartnership(t.db, { slug: "area", name: "Area Partnership" });
    const trust = (slug: string, name: string) => createOrganisation(t.db, { slug, name, partnershipId: p.id });
    const trustA = await trust("trust-a", "Trust A");
    const trustB = await trust("trust-b", "Trust B");
    const school = (urn: number, name: string, trustId: string, lat: number, lng: number) =>
      createSchool(t.db, { urn, name, lat, lng, trustId, partnershipId: p.id });
    const schoolA = await school(106283, "Navigation Primary", trustA.id, 53.396313, -2.348177);
    const schoolB = await school(106167, "St John Vianney", trustB.id, 53.451462, -2.278292);
    const user = (email: string) => createUser(t.db, { email, emailVerifiedAt: new Date() });
    const admin = await user("admin@example.com");
    const hrA = await user("hr.a@example.com");
    const teacher = await user("teacher@example.com");
    await addMembership(t.db, admin, "partnership_admin", { partnership: p });
    await addMembership(t.db, hrA, "hr", { organisation: trustA });
    await addMembership(t.db, teacher, "teacher", { partnership: p });
    return { p, trustA, trustB, schoolA, schoolB, admin, hrA, teacher };
  }

  /** `by` invites `email` to `role` at a place, as the invite form does. */
  const invite = (by: { id: string; name: string }, email: string, role: Role, scope: Scope) =>
    createInvitation(t.db, by, { email, role, scope }, APP);

  function tokenOf(text: string) {
    return captured(text, /\/invitations\/([A-Za-z0-9_-]+)/, "an invitation link");
  }

  it("a partnership admin invites HR staff to a trust; the invitee accepts by signing in and gains the role", async () => {
    const r = await region();
    const result = await invite(r.admin, "new.hr@example.com", "hr", {
      kind: "organisation",
      organisationId: r.trustB.id,
    });
    expect(result.ok).toBe(true);
    const mail = firstRow(
      await t.db.select().from(emails).where(eq(emails.to, "new.hr@example.com")),
      "a row from emails",
    );
    expect(mail.subject).toBe("You are invited to join Trust B on Staffroom");
    const token = tokenOf(mail.text);
    const view = await findInvitation(t.db, token);
    expect(view).toMatchObject({ email: "new.hr@example.com", role: "hr", placeName: "Trust B", status: "pending" });

    const invitee = firstRow(
      await t.db.insert(users).values({ email: "new.hr@example.com", name: "New HR", passwordHash: "x" }).returning(),
      "the row inserted into users",
    );
    expect(await acceptInvitation(t.db, token, invitee)).toEqual({ ok: true });
    expect(await hasRole(t.db, invitee.id, "hr", { kind: "school", schoolId: r.schoolB.id })).toBe(true);
    expect(await hasRole(t.db, invitee.id, "hr", { kind: "school", schoolId: r.schoolA.id })).toBe(false);
    const after = firstRow(await t.db.select().from(users).where(eq(users.id, invitee.id)), "a row from users");
    expect(after.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await acceptInvitation(t.db, token, invitee)).toEqual({ ok: false, reason: "not-found" });
    expect((await findInvitation(t.db, token))?.status).toBe("accepted");
  });

  it("an ECT programme lead is invited to the partnership or a trust, never to one school", async () => {
    const r = await region();
    expect(
      await invite(r.admin, "lead@example.com", "programme_lead", { kind: "partnership", partnershipId: r.p.id }),
    ).toMatchObject({ ok: true });
    expect(
      await invite(r.hrA, "trust.lead@example.com", "programme_lead", {
        kind: "organisation",
        organisationId: r.trustA.id,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await invite(r.hrA, "school.lead@example.com", "programme_lead", { kind: "school", schoolId: r.schoolA.id }),
    ).toMatchObject({ ok: false });
  });

  it("trust HR can invite colleagues to their own trust's schools, not to another trust's", async () => {
    const r = await region();
    const own = await invite(r.hrA, "mentor@example.com", "mentor", { kind: "school", schoolId: r.schoolA.id });
    expect(own.ok).toBe(true);
    const other = await invite(r.hrA, "spy@example.com", "hr", { kind: "school", schoolId: r.schoolB.id });
    expect(other).toEqual({ ok: false, reason: "not-found" });
    const teacherTry = await invite(r.teacher, "x@example.com", "hr", { kind: "school", schoolId: r.schoolA.id });
    expect(teacherTry).toEqual({ ok: false, reason: "not-found" });
    expect(await t.db.select().from(invitations).where(eq(invitations.email, "spy@example.com"))).toHaveLength(0);
    expect(await t.db.select().from(emails).where(eq(emails.to, "spy@example.com"))).toHaveLength(0);
  });

  it("refuses roles that cannot be given at that kind of place, and people who already hold the role", async () => {
    const r = await region();
    const wrongRole = await invite(r.admin, "a@example.com", "partnership_admin", {
      kind: "school",
      schoolId: r.schoolA.id,
    });
    expect(wrongRole).toEqual({ ok: false, reason: "role-not-allowed" });
    // A placement lead runs one school's placements: given at a school, never at a trust.
    expect(
      await invite(r.hrA, "lead@example.com", "placement_lead", { kind: "school", schoolId: r.schoolA.id }),
    ).toMatchObject({ ok: true });
    expect(
      await invite(r.hrA, "lead.trust@example.com", "placement_lead", {
        kind: "organisation",
        organisationId: r.trustA.id,
      }),
    ).toEqual({ ok: false, reason: "role-not-allowed" });
    const again = await invite(r.admin, "hr.a@example.com", "hr", {
      kind: "organisation",
      organisationId: r.trustA.id,
    });
    expect(again).toEqual({ ok: false, reason: "already-member" });
  });

  it("only the invited address can accept, and not after expiry", async () => {
    const r = await region();
    await invite(r.admin, "right@example.com", "hr", { kind: "school", schoolId: r.schoolA.id });
    const token = tokenOf(
      firstRow(await t.db.select().from(emails).where(eq(emails.to, "right@example.com")), "the invitation mail").text,
    );
    expect(await acceptInvitation(t.db, token, r.teacher)).toEqual({ ok: false, reason: "wrong-account" });
    await t.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) });
    const right = firstRow(
      await t.db.insert(users).values({ email: "right@example.com", name: "Right", passwordHash: "x" }).returning(),
      "the row inserted into users",
    );
    expect(await acceptInvitation(t.db, token, right)).toEqual({ ok: false, reason: "not-found" });
    expect(
      await t.db
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, right.id))),
    ).toHaveLength(0);
  });
});
