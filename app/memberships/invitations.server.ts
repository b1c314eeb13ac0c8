import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { alias } from "drizzle-orm/pg-core";
import { firstRow, parseRows } from "../../db/rows";
import { invitations, memberships, organisations, partnerships, schools, users } from "../../db/schema";
import type { Enqueue } from "../../db/jobs";
import { queueEmail } from "../../emails/outbox.server";
import { generateToken, hashToken } from "../auth/tokens.server";
import { hitRateLimit, LIMITS } from "../security/rate-limit.server";
import { hasRole } from "../access/scope.server";
import { z } from "../forms/zod";
import { roleLabels, type Role, type Scope } from "../vocabulary/roles";
import { INVITABLE_ROLES } from "./schemas";

export const INVITATION_DAYS = 7;

export type Place = { scope: Scope; name: string };

export function scopeFrom(kind: Scope["kind"], id: string): Scope {
  if (kind === "school") return { kind, schoolId: id };
  if (kind === "organisation") return { kind, organisationId: id };
  return { kind, partnershipId: id };
}

function scopeColumns(scope: Scope) {
  return {
    scopeKind: scope.kind,
    schoolId: scope.kind === "school" ? scope.schoolId : null,
    organisationId: scope.kind === "organisation" ? scope.organisationId : null,
    partnershipId: scope.kind === "partnership" ? scope.partnershipId : null,
  };
}

async function placeName(db: Executor, scope: Scope): Promise<string | null> {
  const rows =
    scope.kind === "school"
      ? await db.select({ name: schools.name }).from(schools).where(eq(schools.id, scope.schoolId))
      : scope.kind === "organisation"
        ? await db
            .select({ name: organisations.name })
            .from(organisations)
            .where(eq(organisations.id, scope.organisationId))
        : await db
            .select({ name: partnerships.name })
            .from(partnerships)
            .where(eq(partnerships.id, scope.partnershipId));
  return rows[0]?.name ?? null;
}

/** Who may invite to a place: HR there (or at its trust or LA), and partnership admins; admins only at partnership level. */
export async function placeForInviter(db: Executor, userId: string, scope: Scope): Promise<Place | null> {
  const inviterRoles: Role[] = scope.kind === "partnership" ? ["partnership_admin"] : ["hr", "partnership_admin"];
  if (!(await hasRole(db, userId, inviterRoles, scope))) return null;
  const name = await placeName(db, scope);
  return name ? { scope, name } : null;
}

export type InviteResult =
  | { ok: true; invitationId: string }
  | { ok: false; reason: "not-found" | "role-not-allowed" | "already-member" }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

export async function createInvitation(
  db: Database,
  inviter: { id: string; name: string },
  input: { email: string; role: Role; scope: Scope },
  context: { appUrl: string; enqueue: Enqueue },
): Promise<InviteResult> {
  const place = await placeForInviter(db, inviter.id, input.scope);
  if (!place) return { ok: false, reason: "not-found" };
  if (!(INVITABLE_ROLES[input.scope.kind] as readonly Role[]).includes(input.role)) {
    return { ok: false, reason: "role-not-allowed" };
  }
  const cols = scopeColumns(input.scope);
  const m = alias(memberships, "m");
  const u = alias(users, "u");
  const existing = parseRows(
    await db.execute(sql`
      SELECT count(*)::int AS n FROM ${memberships} ${m} JOIN ${users} ${u} ON ${u.id} = ${m.userId}
       WHERE ${u.email} = ${input.email} AND ${m.role} = ${input.role}
         AND coalesce(${m.schoolId}, ${m.organisationId}, ${m.partnershipId}) = ${cols.schoolId ?? cols.organisationId ?? cols.partnershipId}`),
    z.object({ n: z.number() }),
    "a count of memberships",
  );
  if (firstRow(existing, "a count of memberships").n > 0) return { ok: false, reason: "already-member" };
  const decision = await hitRateLimit(db, LIMITS.invitationsPerUser, inviter.id);
  if (!decision.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: decision.retryAfterSeconds };

  const token = generateToken();
  const id = await db.transaction(async (tx) => {
    const row = firstRow(
      await tx
        .insert(invitations)
        .values({
          email: input.email,
          role: input.role,
          ...cols,
          tokenHash: hashToken(token),
          invitedBy: inviter.id,
          expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000),
        })
        .returning({ id: invitations.id }),
      "the row inserted into invitations",
    );
    await queueEmail(tx, context.enqueue, input.email, "invitation", {
      inviterName: inviter.name,
      roleLabel: roleLabels[input.role].toLowerCase(),
      placeName: place.name,
      url: `${context.appUrl}/invitations/${token}`,
      expiresInDays: INVITATION_DAYS,
    });
    return row.id;
  });
  return { ok: true, invitationId: id };
}

export type InvitationView = {
  id: string;
  email: string;
  role: Role;
  placeName: string;
  inviterName: string;
  status: "pending" | "accepted" | "expired";
};

export async function findInvitation(db: Executor, token: string): Promise<InvitationView | null> {
  const [row] = await db
    .select({ inv: invitations, inviterName: users.name })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return null;
  const inv = row.inv;
  const scope = scopeFrom(inv.scopeKind, (inv.schoolId ?? inv.organisationId ?? inv.partnershipId)!);
  const status = inv.acceptedAt ? "accepted" : inv.expiresAt.getTime() <= Date.now() ? "expired" : "pending";
  return {
    id: inv.id,
    email: inv.email,
    role: inv.role,
    placeName: (await placeName(db, scope)) ?? "a school",
    inviterName: row.inviterName,
    status,
  };
}

/**
 * Accepts a pending invitation for the signed-in user, whose address must be the invited one.
 * Following the invitation link proves the address, so it counts as confirmed.
 */
export async function acceptInvitation(
  db: Database,
  token: string,
  user: { id: string; email: string },
): Promise<{ ok: true } | { ok: false; reason: "not-found" | "wrong-account" }> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const [inv] = await tx
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.tokenHash, hashToken(token)),
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, now),
        ),
      )
      .for("update");
    if (!inv) return { ok: false as const, reason: "not-found" as const };
    if (inv.email !== user.email) return { ok: false as const, reason: "wrong-account" as const };
    await tx
      .insert(memberships)
      .values({
        userId: user.id,
        role: inv.role,
        scopeKind: inv.scopeKind,
        schoolId: inv.schoolId,
        organisationId: inv.organisationId,
        partnershipId: inv.partnershipId,
      })
      .onConflictDoNothing();
    await tx.update(invitations).set({ acceptedAt: now, acceptedBy: user.id }).where(eq(invitations.id, inv.id));
    await tx
      .update(users)
      .set({ emailVerifiedAt: now })
      .where(and(eq(users.id, user.id), isNull(users.emailVerifiedAt)));
    return { ok: true as const };
  });
}

/** Pending invitations to a place, for its team page. */
export async function pendingInvitations(db: Executor, scope: Scope) {
  const cols = scopeColumns(scope);
  const target = cols.schoolId ?? cols.organisationId ?? cols.partnershipId;
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(
      and(
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, new Date()),
        sql`coalesce(${invitations.schoolId}, ${invitations.organisationId}, ${invitations.partnershipId}) = ${target}`,
      ),
    )
    .orderBy(invitations.createdAt);
}
