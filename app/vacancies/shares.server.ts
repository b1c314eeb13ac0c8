import { and, eq, sql, type SQL } from "drizzle-orm";
import { executePlannedOnce, type Database, type Executor } from "../../db/client";
import { firstRow, parseRows } from "../../db/rows";
import { vacancyShareConfirmations } from "../../db/schema";
import { queueEmail } from "../../emails/outbox.server";
import type { VacancyShareProps } from "../../emails/templates/vacancy-share";
import { userIdsWhoHold } from "../access/scope.server";
import { z } from "../forms/zod";
import {
  leadEmployerKey,
  ownerPartnership,
  schoolEmployerKey,
  schoolEmployerName,
} from "../organisations/employers.server";
import { enqueue, services } from "../services.server";
import { shareStates, type ShareState } from "../vocabulary/share-confirmations";
import { hrSchoolIds, involves, managedBy, sharedWith } from "./access.server";
import { record } from "./audit.server";
import { toThousandths } from "./records.server";
import { countRow, numericText, stampText } from "./rows";
import { checkDecision, publicationBlockers, shareText, type ShareLine } from "./shares";

/** Roles shared across employers: which schools may take a share, asking their HR, and their answers (ADR 0022). */

export type ShareableSchool = {
  id: string;
  urn: number;
  name: string;
  town: string | null;
  employerName: string;
  /** A school of the vacancy's own employer (no confirmation needed). */
  byLead: boolean;
};

const shareableSchoolRow = z.object({
  id: z.string(),
  urn: z.number().int(),
  name: z.string(),
  town: z.string().nullable(),
  employerName: z.string(),
  byLead: z.boolean(),
}) satisfies z.ZodType<ShareableSchool>;

/**
 * The schools a vacancy can be placed at by this HR user: those they hold hr for (as before), and the schools of
 * every other employer in the owner's partnership, whose HR then confirm their share. The owner's schools first.
 */
export async function shareableSchools(db: Executor, userId: string, vacancyId: string): Promise<ShareableSchool[]> {
  return parseRows(
    await db.execute(sql`
      WITH lead AS (SELECT ${leadEmployerKey("v")} AS key, ${ownerPartnership("v")} AS partnership_id
                      FROM vacancies v WHERE v.id = ${vacancyId} AND ${managedBy(userId)})
      SELECT s.id, s.urn, s.name, s.town, ${schoolEmployerName("s")} AS "employerName",
             ${schoolEmployerKey("s")} = lead.key AS "byLead"
        FROM schools s CROSS JOIN lead
       WHERE s.id IN (${hrSchoolIds(userId)})
          OR (s.partnership_id = lead.partnership_id AND ${schoolEmployerKey("s")} <> lead.key)
       ORDER BY "byLead" DESC, "employerName", s.name`),
    shareableSchoolRow,
    "the schools a vacancy can be placed at",
  );
}

export type PartnerSchool = { urn: number; name: string; employerName: string };

const partnerSchoolRow = z.object({
  urn: z.number().int(),
  name: z.string(),
  employerName: z.string(),
}) satisfies z.ZodType<PartnerSchool>;

/**
 * The schools of other employers in the owner's partnership that this user does not hold hr for: a CSV import names
 * them only to be told that such a share is set on the form, where their HR are asked (docs/decisions/0022).
 */
export async function partnerSchoolsOf(
  db: Executor,
  userId: string,
  owner: { organisationId: string | null; schoolId: string | null },
): Promise<PartnerSchool[]> {
  return parseRows(
    await db.execute(sql`
      WITH v AS (SELECT ${owner.organisationId}::text AS owner_organisation_id, ${owner.schoolId}::text AS owner_school_id),
           lead AS (SELECT ${leadEmployerKey("v")} AS key, ${ownerPartnership("v")} AS partnership_id FROM v)
      SELECT s.urn, s.name, ${schoolEmployerName("s")} AS "employerName"
        FROM schools s CROSS JOIN lead
       WHERE s.partnership_id = lead.partnership_id AND ${schoolEmployerKey("s")} <> lead.key
         AND s.id NOT IN (${hrSchoolIds(userId)})`),
    partnerSchoolRow,
    "the partnership's other employers' schools",
  );
}

export type LocatedSchool = {
  id: string;
  name: string;
  employerName: string;
  byLead: boolean;
  /** The user holds hr for this school (today's rule: they may always place a role there). */
  held: boolean;
  /** In the owner's partnership and another employer's: may take a share once its HR confirm. */
  partner: boolean;
};

const locatedSchoolRow = z.object({
  id: z.string(),
  name: z.string(),
  employerName: z.string(),
  byLead: z.boolean(),
  held: z.boolean(),
  partner: z.boolean(),
}) satisfies z.ZodType<LocatedSchool>;

/** The requested schools as setLocation weighs them; a school that does not exist is simply absent. */
export async function locateSchools(
  tx: Executor,
  userId: string,
  vacancyId: string,
  schoolIds: string[],
): Promise<Map<string, LocatedSchool>> {
  if (schoolIds.length === 0) return new Map();
  const rows = parseRows(
    await tx.execute(sql`
      WITH lead AS (SELECT ${leadEmployerKey("v")} AS key, ${ownerPartnership("v")} AS partnership_id
                      FROM vacancies v WHERE v.id = ${vacancyId})
      SELECT s.id, s.name, ${schoolEmployerName("s")} AS "employerName", ${schoolEmployerKey("s")} = lead.key AS "byLead",
             s.id IN (${hrSchoolIds(userId)}) AS held,
             (s.partnership_id = lead.partnership_id AND ${schoolEmployerKey("s")} <> lead.key) IS TRUE AS partner
        FROM schools s CROSS JOIN lead
       WHERE s.id IN (${sql.join(
         schoolIds.map((id) => sql`${id}`),
         sql`, `,
       )})`),
    locatedSchoolRow,
    "the schools requested for a vacancy",
  );
  return new Map(rows.map((r) => [r.id, r]));
}

type PendingShare = {
  schoolId: string;
  schoolName: string;
  employerName: string;
  fteShare: number | null;
  held: boolean;
};

const pendingShareRow = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  employerName: z.string(),
  fteShare: numericText.nullable(),
  held: z.boolean(),
}) satisfies z.ZodType<Omit<PendingShare, "fteShare"> & { fteShare: string | null }>;

/** The vacancy's schools of other employers than its own, with their shares, as they stand now. */
async function otherEmployersSchools(tx: Executor, userId: string, vacancyId: string): Promise<PendingShare[]> {
  const rows = parseRows(
    await tx.execute(sql`
      SELECT s.id AS "schoolId", s.name AS "schoolName", ${schoolEmployerName("s")} AS "employerName",
             vs.fte_share AS "fteShare", s.id IN (${hrSchoolIds(userId)}) AS held
        FROM vacancy_schools vs JOIN schools s ON s.id = vs.school_id JOIN vacancies v ON v.id = vs.vacancy_id
       WHERE vs.vacancy_id = ${vacancyId} AND ${schoolEmployerKey("s")} <> ${leadEmployerKey("v")}
       ORDER BY vs.position, s.name`),
    pendingShareRow,
    "a vacancy's schools at other employers",
  );
  return rows.map((r) => ({ ...r, fteShare: toThousandths(r.fteShare) }));
}

type Recipient = { userId: string; email: string; name: string };

const recipientRow = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
}) satisfies z.ZodType<Recipient>;

async function hrOfSchool(tx: Executor, schoolId: string): Promise<Recipient[]> {
  return parseRows(
    await tx.execute(sql`
      SELECT u.id AS "userId", u.email, u.name FROM users u
       WHERE u.id IN (${userIdsWhoHold(["hr"], { kind: "school", schoolId })}) ORDER BY u.email`),
    recipientRow,
    "a school's HR",
  );
}

/** The HR of the vacancy's owner (its trust or authority, or the school whose HR posted it). */
async function hrOfOwner(tx: Executor, vacancyId: string): Promise<Recipient[]> {
  const [owner] = parseRows(
    await tx.execute(sql`SELECT owner_organisation_id AS "organisationId", owner_school_id AS "schoolId"
                           FROM vacancies WHERE id = ${vacancyId}`),
    z.object({ organisationId: z.string().nullable(), schoolId: z.string().nullable() }),
    "a vacancy's owner",
  );
  if (!owner) return [];
  const scope = owner.organisationId
    ? ({ kind: "organisation", organisationId: owner.organisationId } as const)
    : ({ kind: "school", schoolId: owner.schoolId! } as const);
  return parseRows(
    await tx.execute(sql`
      SELECT u.id AS "userId", u.email, u.name FROM users u
       WHERE u.id IN (${userIdsWhoHold(["hr"], scope)}) ORDER BY u.email`),
    recipientRow,
    "the HR of a vacancy's owner",
  );
}

type VacancyHeading = { title: string; employer: string };

const vacancyHeadingRow = z.object({ title: z.string(), employer: z.string() }) satisfies z.ZodType<VacancyHeading>;

async function headingOf(tx: Executor, vacancyId: string): Promise<VacancyHeading> {
  return firstRow(
    parseRows(
      await tx.execute(sql`
      SELECT v.title, coalesce(o.name, os.name) AS employer FROM vacancies v
        LEFT JOIN organisations o ON o.id = v.owner_organisation_id LEFT JOIN schools os ON os.id = v.owner_school_id
       WHERE v.id = ${vacancyId}`),
      vacancyHeadingRow,
      "the heading of a vacancy",
    ),
    `the heading of vacancy ${vacancyId}`,
  );
}

type Mail = Omit<VacancyShareProps, "name" | "url">;

/** One mail per person, however many of the schools they answer for; never to the person who acted. */
async function mailEach(
  tx: Executor,
  recipients: (Recipient & { shares?: string[] })[],
  actorId: string | null,
  mail: Mail,
  path: string,
) {
  const appUrl = services().config.appUrl;
  const byUser = new Map<string, Recipient & { shares: string[] }>();
  for (const r of recipients) {
    if (r.userId === actorId) continue;
    const seen = byUser.get(r.userId) ?? { ...r, shares: [] };
    seen.shares.push(...(r.shares ?? []));
    byUser.set(r.userId, seen);
  }
  for (const r of byUser.values())
    await queueEmail(tx, enqueue(), r.email, "vacancy-share", {
      ...mail,
      shares: r.shares.length > 0 ? r.shares : mail.shares,
      name: r.name,
      url: `${appUrl}${path}`,
    });
}

/**
 * After the shares of a vacancy were set or changed (the caller holds its row lock): every school of another employer
 * is asked afresh, and earlier answers are dropped, since they answered other shares. A school the acting user holds
 * hr for is confirmed by them at once (they answer for both sides). The other schools' HR are e-mailed, in the caller's
 * transaction, so the mail goes only if the change is kept.
 */
export async function askForConfirmation(tx: Executor, userId: string, vacancyId: string, now = new Date()) {
  const earlier = await tx
    .delete(vacancyShareConfirmations)
    .where(eq(vacancyShareConfirmations.vacancyId, vacancyId))
    .returning({ state: vacancyShareConfirmations.state });
  const pending = await otherEmployersSchools(tx, userId, vacancyId);
  if (pending.length === 0) return;
  await tx.insert(vacancyShareConfirmations).values(
    pending.map((p) => ({
      vacancyId,
      schoolId: p.schoolId,
      employerName: p.employerName,
      requestedAt: now,
      requestedBy: userId,
      ...(p.held ? { state: "confirmed" as const, decidedAt: now, decidedBy: userId } : {}),
    })),
  );
  const asked = pending.filter((p) => !p.held);
  const reset = earlier.length > 0;
  if (asked.length > 0)
    await record(
      tx,
      vacancyId,
      userId,
      "confirmation requested",
      {},
      `${reset ? "The shares changed, so earlier answers no longer count. " : ""}Asked ${asked
        .map((p) => `${p.employerName} to confirm ${shareText({ schoolName: p.schoolName, fteShare: p.fteShare })}`)
        .join("; ")}`,
    );
  for (const p of pending.filter((x) => x.held))
    await record(
      tx,
      vacancyId,
      userId,
      "share confirmed",
      {},
      `${shareText(p)} for ${p.employerName}, at once: the person who set the shares is HR there too`,
    );
  const heading = await headingOf(tx, vacancyId);
  const recipients = (
    await Promise.all(
      asked.map(async (p) => (await hrOfSchool(tx, p.schoolId)).map((r) => ({ ...r, shares: [shareText(p)] }))),
    )
  ).flat();
  await mailEach(
    tx,
    recipients,
    userId,
    { event: reset ? "changed" : "requested", title: heading.title, leadEmployer: heading.employer, shares: [] },
    `/hr/vacancies/${vacancyId}/share`,
  );
}

export type ShareRow = ShareLine & {
  schoolId: string;
  urn: number;
  requestedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  /** The viewer holds hr for this school and so answers for it. */
  answerable: boolean;
};

const shareRow = z.object({
  schoolId: z.string(),
  urn: z.number().int(),
  schoolName: z.string(),
  employerName: z.string(),
  fteShare: numericText.nullable(),
  state: z.enum(shareStates),
  reason: z.string().nullable(),
  requestedAt: stampText,
  decidedAt: stampText.nullable(),
  decidedBy: z.string().nullable(),
  answerable: z.boolean(),
}) satisfies z.ZodType<Omit<ShareRow, "fteShare"> & { fteShare: string | null }>;

/** The shares at other employers' schools and their answers, in the vacancy's order of schools. */
export async function sharesOf(db: Executor, vacancyId: string, viewerId?: string): Promise<ShareRow[]> {
  const rows = parseRows(
    await db.execute(sql`
      SELECT c.school_id AS "schoolId", s.urn, s.name AS "schoolName", c.employer_name AS "employerName",
             vs.fte_share AS "fteShare", c.state, c.reason, c.requested_at AS "requestedAt", c.decided_at AS "decidedAt",
             u.name AS "decidedBy",
             ${viewerId ? sql`c.school_id IN (${hrSchoolIds(viewerId)})` : sql`false`} AS answerable
        FROM vacancy_share_confirmations c
        JOIN schools s ON s.id = c.school_id
        LEFT JOIN vacancy_schools vs ON vs.vacancy_id = c.vacancy_id AND vs.school_id = c.school_id
        LEFT JOIN users u ON u.id = c.decided_by
       WHERE c.vacancy_id = ${vacancyId}
       ORDER BY vs.position, s.name`),
    shareRow,
    "a vacancy's shares",
  );
  const iso = (d: string | Date) => new Date(d).toISOString();
  return rows.map((r) => ({
    ...r,
    fteShare: toThousandths(r.fteShare),
    requestedAt: iso(r.requestedAt),
    decidedAt: r.decidedAt === null ? null : iso(r.decidedAt),
  }));
}

/** Why the vacancy cannot be published yet because of its shares; empty when every share is confirmed. */
export async function shareBlockers(db: Executor, vacancyId: string): Promise<string[]> {
  return publicationBlockers(await sharesOf(db, vacancyId));
}

/**
 * SQL: the names of the other employers whose schools take a share of vacancy row `alias`, in the order of their
 * schools (a text[], empty for most roles). search/documents.server.ts says the same in its own query.
 */
export function sharedWithNames(alias: string): SQL {
  const v = sql.raw(alias);
  return sql`coalesce((SELECT array_agg(x.employer_name ORDER BY x.position, x.employer_name)
                         FROM (SELECT c.employer_name, min(vs.position) AS position FROM vacancy_share_confirmations c
                                 JOIN vacancy_schools vs ON vs.vacancy_id = c.vacancy_id AND vs.school_id = c.school_id
                                WHERE c.vacancy_id = ${v}.id GROUP BY c.employer_name) x), '{}')`;
}

/** Who employs, and the other employers whose schools share the role (the confirmed ones, once published). */
export async function employerOf(db: Executor, vacancyId: string): Promise<{ name: string; sharedWith: string[] }> {
  const [row] = parseRows(
    await db.execute(sql`
      SELECT coalesce(o.name, os.name) AS name, ${sharedWithNames("v")} AS "sharedWith"
        FROM vacancies v
        LEFT JOIN organisations o ON o.id = v.owner_organisation_id LEFT JOIN schools os ON os.id = v.owner_school_id
       WHERE v.id = ${vacancyId}`),
    z.object({ name: z.string(), sharedWith: z.array(z.string()).nullable() }),
    "a vacancy's employers",
  );
  return { name: row?.name ?? "", sharedWith: row?.sharedWith ?? [] };
}

export type Decision = { confirm: true } | { confirm: false; reason: string };

export type DecisionOutcome =
  | { ok: true; allConfirmed: boolean }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "refused"; message: string };

/**
 * A school's HR confirms or declines its share. `asked` is when the share they read was asked for: if the shares have
 * changed since, their answer is refused rather than applied to shares they have not seen. The vacancy's HR are told.
 */
export async function decideShare(
  db: Database,
  userId: string,
  input: { vacancyId: string; schoolId: string; asked: string; decision: Decision },
  now = new Date(),
): Promise<DecisionOutcome> {
  const { vacancyId, schoolId, decision } = input;
  return db.transaction(async (tx) => {
    // The vacancy's row first, as a change to its shares takes it: an answer and a change never interleave.
    const [v] = parseRows(
      await tx.execute(sql`SELECT v.id, v.status FROM vacancies v
                            WHERE v.id = ${vacancyId} AND ${sharedWith(userId)} FOR UPDATE`),
      z.object({ id: z.string(), status: z.string() }),
      "the vacancy a share is answered for",
    );
    if (!v) return { ok: false, reason: "not-found" } as const;
    const [share] = (await sharesOf(tx, vacancyId, userId)).filter((s) => s.schoolId === schoolId && s.answerable);
    if (!share) return { ok: false, reason: "not-found" } as const;
    const allowed = checkDecision(v.status as Parameters<typeof checkDecision>[0]);
    if (!allowed.ok) return { ok: false, reason: "refused", message: allowed.message } as const;
    if (new Date(input.asked).getTime() !== new Date(share.requestedAt).getTime())
      return {
        ok: false,
        reason: "refused",
        message: "The shares changed after you opened this page: read them again before you answer",
      } as const;
    await tx
      .update(vacancyShareConfirmations)
      .set({
        state: decision.confirm ? "confirmed" : "declined",
        decidedAt: now,
        decidedBy: userId,
        reason: decision.confirm ? null : decision.reason,
      })
      .where(and(eq(vacancyShareConfirmations.vacancyId, vacancyId), eq(vacancyShareConfirmations.schoolId, schoolId)));
    const what = `${shareText(share)} for ${share.employerName}`;
    await record(
      tx,
      vacancyId,
      userId,
      decision.confirm ? "share confirmed" : "share declined",
      {},
      decision.confirm ? what : `${what}: ${decision.reason}`,
    );
    const remaining = publicationBlockers(await sharesOf(tx, vacancyId));
    const heading = await headingOf(tx, vacancyId);
    const [actor] = parseRows(
      await tx.execute(sql`SELECT name FROM users WHERE id = ${userId}`),
      z.object({ name: z.string() }),
      "the user answering for a share",
    );
    await mailEach(
      tx,
      await hrOfOwner(tx, vacancyId),
      userId,
      {
        event: decision.confirm ? "confirmed" : "declined",
        title: heading.title,
        leadEmployer: heading.employer,
        shares: [shareText(share)],
        partnerEmployer: share.employerName,
        decidedBy: actor?.name ?? null,
        reason: decision.confirm ? null : decision.reason,
        allConfirmed: remaining.length === 0,
      },
      `/hr/vacancies/${vacancyId}`,
    );
    return { ok: true, allConfirmed: remaining.length === 0 } as const;
  });
}

/** Tells the other employers' HR that the role sharing their school has closed early (the caller's transaction). */
export async function tellPartnersOfClosing(tx: Executor, userId: string, vacancyId: string, why: string) {
  const shares = await sharesOf(tx, vacancyId);
  if (shares.length === 0) return;
  const heading = await headingOf(tx, vacancyId);
  const recipients = (
    await Promise.all(
      shares
        .filter((s) => s.state === "confirmed")
        .map(async (s) => (await hrOfSchool(tx, s.schoolId)).map((r) => ({ ...r, shares: [shareText(s)] }))),
    )
  ).flat();
  await mailEach(
    tx,
    recipients,
    userId,
    { event: "closed", title: heading.title, leadEmployer: heading.employer, shares: [], reason: why },
    `/hr/vacancies/${vacancyId}/share`,
  );
}

export type ShareListItem = {
  vacancyId: string;
  title: string;
  status: string;
  employer: string;
  schoolName: string;
  fteShare: number | null;
  state: ShareState;
  requestedAt: string;
};

const shareListRow = z.object({
  vacancyId: z.string(),
  title: z.string(),
  status: z.string(),
  employer: z.string(),
  schoolName: z.string(),
  fteShare: numericText.nullable(),
  state: z.enum(shareStates),
  requestedAt: stampText,
}) satisfies z.ZodType<Omit<ShareListItem, "fteShare"> & { fteShare: string | null }>;

/**
 * The shares this user answers for (a school they hold hr for takes a share of another employer's role), those
 * awaiting an answer first, then the newest. Only draft roles' awaiting shares can still be answered.
 */
export async function sharesForUser(db: Executor, userId: string, limit = 100): Promise<ShareListItem[]> {
  const rows = parseRows(
    await db.execute(sql`
      SELECT v.id AS "vacancyId", v.title, v.status, coalesce(o.name, os.name) AS employer, s.name AS "schoolName",
             vs.fte_share AS "fteShare", c.state, c.requested_at AS "requestedAt"
        FROM vacancy_share_confirmations c
        JOIN vacancies v ON v.id = c.vacancy_id
        JOIN schools s ON s.id = c.school_id
        LEFT JOIN vacancy_schools vs ON vs.vacancy_id = c.vacancy_id AND vs.school_id = c.school_id
        LEFT JOIN organisations o ON o.id = v.owner_organisation_id LEFT JOIN schools os ON os.id = v.owner_school_id
       WHERE c.school_id = ANY(ARRAY(${hrSchoolIds(userId)})) AND v.status <> 'archived'
       ORDER BY (c.state = 'awaiting' AND v.status = 'draft') DESC, c.requested_at DESC, v.id, s.name
       LIMIT ${limit}`),
    shareListRow,
    "the shares a user answers for",
  );
  return rows.map((r) => ({
    ...r,
    fteShare: toThousandths(r.fteShare),
    requestedAt: new Date(r.requestedAt).toISOString(),
  }));
}

/** How many shares wait for this user's answer (draft roles only): for the vacancies dashboard. */
export async function sharesAwaitingCount(db: Executor, userId: string): Promise<number> {
  const [row] = parseRows(
    // Planned once per connection: on every HR page, and its plan does not depend on who asks.
    await executePlannedOnce(
      db,
      sql`
      SELECT count(*)::int AS n FROM vacancy_share_confirmations c JOIN vacancies v ON v.id = c.vacancy_id
       WHERE c.school_id = ANY(ARRAY(${hrSchoolIds(userId)})) AND c.state = 'awaiting' AND v.status = 'draft'`,
    ),
    countRow,
    "the shares awaiting a user's answer",
  );
  return row?.n ?? 0;
}

/** Whether this user manages the vacancy, answers for a share of it, or neither (then it does not exist for them). */
export async function involvement(
  db: Executor,
  userId: string,
  vacancyId: string,
): Promise<"manager" | "partner" | null> {
  if (!/^[0-9a-f-]{36}$/i.test(vacancyId)) return null;
  const [row] = parseRows(
    await db.execute(sql`SELECT ${managedBy(userId)} AS managed FROM vacancies v
                          WHERE v.id = ${vacancyId} AND ${involves(userId)}`),
    // NULL, not false, for a partner when the vacancy has no owning organisation and the user holds hr in one.
    z.object({ managed: z.boolean().nullable() }),
    "a user's involvement in a vacancy",
  );
  return row ? (row.managed ? "manager" : "partner") : null;
}
