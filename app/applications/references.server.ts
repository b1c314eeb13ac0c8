import { and, desc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { applicationReferences, applications, organisations, schools, vacancies } from "../../db/schema";
import { queueEmail } from "../../emails/outbox.server";
import { generateToken, hashToken } from "../auth/tokens.server";
import { securityLog } from "../security/security-log.server";
import { formatLondonDate } from "../vocabulary/london-time";
import type { ApplicationStatus, ReferenceAnswers, RefereeCopy } from "../vocabulary/applications";
import { readsApplicationsOf, UUID } from "./access.server";
import { lockApplication, refuse, type Context, type Outcome } from "./applications.server";
import { refereeKey, REFERENCE_REMINDER_AFTER_DAYS, REFERENCE_VALID_DAYS, whoMayBeAsked } from "./references";

const DAY = 24 * 3600_000;

/** Applications nobody needs references for any more: a referee's link to one of these is closed. */
const finished: ApplicationStatus[] = ["withdrawn", "unsuccessful", "declined", "draft"];

/** Which references of an application are live: answered, or asked and still answerable. */
const isLive = (r: { state: string; expiresAt: Date }, now: Date) =>
  r.state === "received" || (r.state === "requested" && r.expiresAt.getTime() > now.getTime());

async function sendRequest(
  tx: Executor,
  context: Context,
  token: string,
  referee: RefereeCopy,
  about: { applicantName: string; vacancyTitle: string; employerName: string; expiresAt: Date },
  reminder: boolean,
) {
  await queueEmail(tx, context.enqueue, referee.email, "reference-request", {
    refereeName: referee.name,
    applicantName: about.applicantName,
    vacancyTitle: about.vacancyTitle,
    employerName: about.employerName,
    url: `${context.appUrl}/references/${token}`,
    expiresOn: formatLondonDate(new Date(about.expiresAt.getTime() - 1)),
    reminder,
  });
}

/**
 * The employer asks the application's referees for references: before interview only those the applicant agreed
 * may be contacted then, after an offer all of them (references.ts says who). One live request per referee: those
 * already asked (and not expired) or answered are left alone. Each referee is e-mailed a single-use link; only its
 * SHA-256 is stored. The mails are queued in the same transaction, so a refused or failed request sends nothing.
 */
export async function requestReferences(
  db: Database,
  userId: string,
  applicationId: string,
  context: Context,
  now = new Date(),
): Promise<Outcome<{ requested: string[] }>> {
  return db.transaction(async (tx) => {
    const app = await lockApplication(tx, applicationId, sql`${readsApplicationsOf(userId, "vacancies")}`);
    if (!app || app.status === "draft") {
      securityLog("application.refused", { userId, applicationId: applicationId.slice(0, 40) });
      return refuse(404, "No such application");
    }
    if (app.userId === null) return refuse(409, "This application is anonymised: its referees are no longer kept");
    const may = whoMayBeAsked(app.status, app.profile.referees);
    if (!may.ok) return refuse(409, may.message);
    const earlier = await tx
      .select({
        id: applicationReferences.id,
        referee: applicationReferences.referee,
        state: applicationReferences.state,
        expiresAt: applicationReferences.expiresAt,
      })
      .from(applicationReferences)
      .where(eq(applicationReferences.applicationId, app.id));
    const asked = new Set(earlier.filter((r) => isLive(r, now)).map((r) => refereeKey(r.referee)));
    const toAsk = may.referees.filter((r) => {
      const key = refereeKey(r);
      if (asked.has(key)) return false;
      asked.add(key);
      return true;
    });
    if (toAsk.length === 0)
      return refuse(409, "References are already requested from every referee who may be asked now");
    // A lapsed request for someone asked again is cancelled, so each referee has one request that counts.
    const lapsed = earlier.filter(
      (r) => r.state === "requested" && !isLive(r, now) && toAsk.some((t) => refereeKey(t) === refereeKey(r.referee)),
    );
    if (lapsed.length > 0)
      await tx
        .update(applicationReferences)
        .set({ state: "cancelled" })
        .where(
          inArray(
            applicationReferences.id,
            lapsed.map((r) => r.id),
          ),
        );
    const expiresAt = new Date(now.getTime() + REFERENCE_VALID_DAYS * DAY);
    for (const referee of toAsk) {
      const token = generateToken();
      await tx.insert(applicationReferences).values({
        applicationId: app.id,
        referee,
        tokenHash: hashToken(token),
        expiresAt,
        requestedBy: userId,
        requestedAt: now,
      });
      await sendRequest(
        tx,
        context,
        token,
        referee,
        { applicantName: app.profile.name, vacancyTitle: app.vacancyTitle, employerName: app.employerName, expiresAt },
        false,
      );
    }
    return { ok: true, requested: toAsk.map((r) => r.name) };
  });
}

const employerName = sql<string>`coalesce(${organisations.name}, ${schools.name})`;

/** A token as links carry them (generateToken's base64url); anything else is not worth a query. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export type ReferenceLink =
  | {
      kind: "open";
      refereeName: string;
      applicantName: string;
      vacancyTitle: string;
      employerName: string;
      expiresAt: Date;
    }
  | { kind: "unknown" | "used" | "expired" | "closed" };

/** A reference with what its referee is told: whose application, for which vacancy, at which employer. */
const withApplication = (db: Executor) =>
  db
    .select({
      id: applicationReferences.id,
      referee: applicationReferences.referee,
      state: applicationReferences.state,
      expiresAt: applicationReferences.expiresAt,
      status: applications.status,
      anonymisedAt: applications.anonymisedAt,
      applicantName: sql<string>`${applications.profile}->>'name'`,
      vacancyTitle: vacancies.title,
      employerName,
    })
    .from(applicationReferences)
    .innerJoin(applications, eq(applications.id, applicationReferences.applicationId))
    .innerJoin(vacancies, eq(vacancies.id, applications.vacancyId))
    .leftJoin(organisations, eq(organisations.id, vacancies.ownerOrganisationId))
    .leftJoin(schools, eq(schools.id, vacancies.ownerSchoolId));

/** What a referee's link opens: the request, or why it no longer works. Reading changes nothing (mail scanners open links). */
export async function referenceByToken(db: Executor, token: string, now = new Date()): Promise<ReferenceLink> {
  if (!TOKEN.test(token)) return { kind: "unknown" };
  const [row] = await withApplication(db).where(eq(applicationReferences.tokenHash, hashToken(token)));
  if (!row) return { kind: "unknown" };
  if (row.state === "received") return { kind: "used" };
  if (row.state === "cancelled" || row.anonymisedAt !== null || finished.includes(row.status))
    return { kind: "closed" };
  if (row.expiresAt.getTime() <= now.getTime()) return { kind: "expired" };
  return {
    kind: "open",
    refereeName: row.referee.name,
    applicantName: row.applicantName,
    vacancyTitle: row.vacancyTitle,
    employerName: row.employerName,
    expiresAt: row.expiresAt,
  };
}

/**
 * Stores a referee's answers, once: one conditional UPDATE decides, so a double submit or a race records one
 * answer and the other is told the link is used. The token's hash stays, so a later visit says "already answered".
 */
export async function answerReference(
  db: Executor,
  token: string,
  answers: ReferenceAnswers,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; link: ReferenceLink }> {
  if (!TOKEN.test(token)) return { ok: false, link: { kind: "unknown" } };
  const updated = await db
    .update(applicationReferences)
    .set({ state: "received", answers, answeredAt: now })
    .where(
      and(
        eq(applicationReferences.tokenHash, hashToken(token)),
        eq(applicationReferences.state, "requested"),
        gt(applicationReferences.expiresAt, now),
        sql`EXISTS (SELECT 1 FROM applications a WHERE a.id = ${applicationReferences.applicationId}
                     AND a.anonymised_at IS NULL AND a.status NOT IN ('withdrawn', 'unsuccessful', 'declined', 'draft'))`,
      ),
    )
    .returning({ id: applicationReferences.id });
  if (updated.length > 0) return { ok: true };
  return { ok: false, link: await referenceByToken(db, token, now) };
}

/**
 * The one reminder, three days after a request nobody has answered. Only the token's hash is kept, so the reminder
 * carries a new link and the first one stops working; the expiry stays as first set. Rows are locked and skipped if
 * locked, so two workers never remind the same referee twice.
 */
export async function remindReferees(db: Database, context: Context, now = new Date()): Promise<number> {
  const due = and(
    eq(applicationReferences.state, "requested"),
    isNull(applicationReferences.remindedAt),
    lte(applicationReferences.requestedAt, new Date(now.getTime() - REFERENCE_REMINDER_AFTER_DAYS * DAY)),
    gt(applicationReferences.expiresAt, now),
  );
  let sent = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = await withApplication(tx)
        .where(
          and(
            due,
            sql`${applications.anonymisedAt} IS NULL`,
            sql`${applications.status} NOT IN ('withdrawn', 'unsuccessful', 'declined')`,
          ),
        )
        .orderBy(applicationReferences.requestedAt)
        .limit(50)
        .for("update", { of: applicationReferences, skipLocked: true });
      for (const row of rows) {
        const token = generateToken();
        await tx
          .update(applicationReferences)
          .set({ tokenHash: hashToken(token), remindedAt: now })
          .where(eq(applicationReferences.id, row.id));
        await sendRequest(tx, context, token, row.referee, row, true);
      }
      return rows.length;
    });
    sent += batch;
    if (batch < 50) return sent;
  }
}

export type RefereeState = "not-requested" | "requested" | "expired" | "received" | "cancelled";

/**
 * The references of an application, one line per referee it names (with the latest request for each), and whether
 * the employer may ask now. For the employer's page only: call it after employerApplication has checked access.
 */
export async function referencesOf(db: Executor, applicationId: string, now = new Date()) {
  if (!UUID.test(applicationId)) return null;
  const [app] = await db
    .select({ status: applications.status, profile: applications.profile, anonymisedAt: applications.anonymisedAt })
    .from(applications)
    .where(eq(applications.id, applicationId));
  if (!app) return null;
  const rows = await db
    .select()
    .from(applicationReferences)
    .where(eq(applicationReferences.applicationId, applicationId))
    .orderBy(desc(applicationReferences.requestedAt));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(refereeKey(r.referee))) latest.set(refereeKey(r.referee), r);
  const referees = app.profile.referees.map((referee) => {
    const r = latest.get(refereeKey(referee));
    const state: RefereeState = !r ? "not-requested" : r.state === "requested" && !isLive(r, now) ? "expired" : r.state;
    return {
      name: referee.name,
      jobTitle: referee.jobTitle,
      organisation: referee.organisation,
      email: referee.email,
      currentEmployer: referee.currentEmployer,
      contactBeforeInterview: referee.contactBeforeInterview,
      state,
      requestedAt: r?.requestedAt ?? null,
      remindedAt: r?.remindedAt ?? null,
      answeredAt: r?.answeredAt ?? null,
      expiresAt: r?.expiresAt ?? null,
      answers: r?.state === "received" ? r.answers : null,
    };
  });
  const may = app.anonymisedAt
    ? { ok: false as const, message: "This application is anonymised" }
    : whoMayBeAsked(app.status, app.profile.referees);
  const waiting = may.ok
    ? may.referees.filter((r) => {
        const line = referees.find((l) => refereeKey(l) === refereeKey(r));
        return !line || line.state === "not-requested" || line.state === "expired" || line.state === "cancelled";
      })
    : [];
  return {
    referees,
    request: may.ok
      ? waiting.length > 0
        ? { allowed: true, message: `Ask ${waiting.map((r) => r.name).join(" and ")}` }
        : { allowed: false, message: "Every referee who may be asked now has been asked" }
      : { allowed: false, message: may.message },
  };
}
