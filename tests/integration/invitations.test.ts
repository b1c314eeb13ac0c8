import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hasRole } from "../../app/access/scope.server";
import { acceptInvitation, createInvitation, findInvitation } from "../../app/memberships/invitations.server";
import { emails, invitations, memberships, organisations, partnerships, schools, users } from "../../db/schema";
import { enqueueLater } from "../support/jobs";
import { useTestDatabase } from "../support/database";
import { firstRow } from "../../db/rows";
import { exactly, captured } from "../support/arrays";

const APP = { appUrl: "http://localhost:3000", enqueue: enqueueLater };

describe("invitations", () => {
  const t = useTestDatabase();

  async function region() {
    const p = firstRow(
      await t.db
        .insert(partnerships)
        .values({ slug: "area", name: "Area Partnership", region: "North West" })
        .returning(),
      "the row inserted into partnerships",
    );
    const trustA = firstRow(
      await t.db
        .insert(organisations)
        .values({ kind: "academy_trust", slug: "trust-a", name: "Trust A", partnershipId: p.id })
        .returning(),
      "the row inserted into organisations",
    );
    const trustB = firstRow(
      await t.db
        .insert(organisations)
        .values({ kind: "academy_trust", slug: "trust-b", name: "Trust B", partnershipId: p.id })
        .returning(),
      "the row inserted into organisations",
    );
    const school = (urn: number, name: string, trustId: string, lat: number, lng: number) => ({
      urn,
      name,
      phase: "Primary",
      laCode: "358",
      laName: "Trafford",
      lat,
      lng,
      trustId,
      partnershipId: p.id,
      source: "test",
    });
    const [schoolA, schoolB] = exactly(
      2,
      await t.db
        .insert(schools)
        .values([
          school(106283, "Navigation Primary", trustA.id, 53.396313, -2.348177),
          school(106167, "St John Vianney", trustB.id, 53.451462, -2.278292),
        ])
        .returning(),
    );
    const user = async (email: string) =>
      firstRow(
        await t.db
          .insert(users)
          .values({ email, name: email.slice(0, email.indexOf("@")), passwordHash: "x", emailVerifiedAt: new Date() })
          .returning(),
        `user ${email}`,
      );
    const admin = await user("admin@example.com");
    const hrA = await user("hr.a@example.com");
    const teacher = await user("teacher@example.com");
    await t.db.insert(memberships).values([
      { userId: admin.id, role: "partnership_admin", scopeKind: "partnership", partnershipId: p.id },
      { userId: hrA.id, role: "hr", scopeKind: "organisation", organisationId: trustA.id },
      { userId: teacher.id, role: "teacher", scopeKind: "partnership", partnershipId: p.id },
    ]);
    return { p, trustA, trustB, schoolA, schoolB, admin, hrA, teacher };
  }

  function tokenOf(text: string) {
    return captured(text, /\/invitations\/([A-Za-z0-9_-]+)/, "an invitation link");
  }

  it("a partnership admin invites HR staff to a trust; the invitee accepts by signing in and gains the role", async () => {
    const r = await region();
    const result = await createInvitation(
      t.db,
      r.admin,
      { email: "new.hr@example.com", role: "hr", scope: { kind: "organisation", organisationId: r.trustB.id } },
      APP,
    );
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

  it("trust HR can invite colleagues to their own trust's schools, not to another trust's", async () => {
    const r = await region();
    const own = await createInvitation(
      t.db,
      r.hrA,
      { email: "mentor@example.com", role: "mentor", scope: { kind: "school", schoolId: r.schoolA.id } },
      APP,
    );
    expect(own.ok).toBe(true);
    const other = await createInvitation(
      t.db,
      r.hrA,
      { email: "spy@example.com", role: "hr", scope: { kind: "school", schoolId: r.schoolB.id } },
      APP,
    );
    expect(other).toEqual({ ok: false, reason: "not-found" });
    const teacherTry = await createInvitation(
      t.db,
      r.teacher,
      { email: "x@example.com", role: "hr", scope: { kind: "school", schoolId: r.schoolA.id } },
      APP,
    );
    expect(teacherTry).toEqual({ ok: false, reason: "not-found" });
    expect(await t.db.select().from(invitations).where(eq(invitations.email, "spy@example.com"))).toHaveLength(0);
    expect(await t.db.select().from(emails).where(eq(emails.to, "spy@example.com"))).toHaveLength(0);
  });

  it("refuses roles that cannot be given at that kind of place, and people who already hold the role", async () => {
    const r = await region();
    const wrongRole = await createInvitation(
      t.db,
      r.admin,
      { email: "a@example.com", role: "partnership_admin", scope: { kind: "school", schoolId: r.schoolA.id } },
      APP,
    );
    expect(wrongRole).toEqual({ ok: false, reason: "role-not-allowed" });
    const again = await createInvitation(
      t.db,
      r.admin,
      { email: "hr.a@example.com", role: "hr", scope: { kind: "organisation", organisationId: r.trustA.id } },
      APP,
    );
    expect(again).toEqual({ ok: false, reason: "already-member" });
  });

  it("only the invited address can accept, and not after expiry", async () => {
    const r = await region();
    await createInvitation(
      t.db,
      r.admin,
      { email: "right@example.com", role: "hr", scope: { kind: "school", schoolId: r.schoolA.id } },
      APP,
    );
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
