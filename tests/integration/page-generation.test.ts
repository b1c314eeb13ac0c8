/**
 * The pages' generation (migration 0029, ADR 0041), which pages kept for visitors are kept under. Every committed
 * transaction that wrote a table such pages may read raises it, once; a write rolled back does not; writers never
 * wait for each other on it; folding the log changes nothing; the tables left unwatched are exactly the listed ones.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "../../db/rows";
import { foldPageWrites, KeptPages } from "../../app/kept-pages/kept-pages.server";
import { applications, organisations, rateLimits, sessions, users } from "../../db/schema";
import { applicationIn, referencesRegion } from "../support/application-records";
import { postgresEngine } from "../../search/postgres/engine.server";
import { reindex } from "../../search/reindex.server";
import { useTestDatabase } from "../support/database";
import { searchRegion } from "../support/search-fixtures";

const database = useTestDatabase();

/** What no kept page reads: what a visit or a person's own account writes (migrations 0029 and 0030). */
const UNWATCHED = [
  "page_generation",
  "page_writes",
  "sessions",
  "user_tokens",
  "recovery_codes",
  "second_factors",
  "rate_limits",
  "vacancy_view_days",
  "application_views",
  "pool_views",
  "emails",
  "search_sync_pending",
  "saved_vacancies",
  "job_alerts",
  "job_alert_deliveries",
  "calendar_feeds",
  "application_events",
  "application_messages",
  "application_notes",
  "application_references",
  "application_equality",
  "equality_monitoring",
  "pay_offer_changes",
  "pay_offer_changes_pruned",
];

/** Watched only for what changes a vacancy's count of applications sent (migration 0030, ADR 0043). */
const PARTLY_WATCHED = ["applications"];

const stamp = () => new KeptPages(() => database.db).generation();

async function logged(): Promise<number> {
  return rowsOf<{ n: number }>(await database.db.execute(sql`SELECT count(*)::int AS n FROM page_writes`))[0]!.n;
}

const organisation = (slug: string) => ({ slug, name: `Trust ${slug}`, kind: "academy_trust" as const });

describe("page_generation", () => {
  it("watches every table but the listed ones, on insert, update, delete and truncate", async () => {
    const tables = rowsOf<{ name: string; watched: boolean; truncate: boolean }>(
      await database.db.execute(sql`
        SELECT t.tablename AS name,
               EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = format('public.%I', t.tablename)::regclass
                          AND g.tgname = 'page_writes') AS watched,
               EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = format('public.%I', t.tablename)::regclass
                          AND g.tgname = 'page_writes_truncate') AS truncate
          FROM pg_tables t WHERE t.schemaname = 'public' AND t.tablename NOT LIKE '\\_\\_%'`),
    );
    const names = tables.map((t) => t.name);
    // The list names real tables: a renamed one would leave its new name unwatched without failing here otherwise.
    expect([...UNWATCHED, ...PARTLY_WATCHED].filter((n) => !names.includes(n))).toEqual([]);
    const wrong = tables
      .filter((t) => !PARTLY_WATCHED.includes(t.name))
      .filter((t) => (t.watched && t.truncate) === UNWATCHED.includes(t.name))
      .map((t) => t.name);
    expect(wrong).toEqual([]);
    expect(tables.length).toBeGreaterThan(UNWATCHED.length + 50);
    const partly = rowsOf<{ name: string }>(
      await database.db.execute(sql`SELECT tgname AS name FROM pg_trigger WHERE tgrelid = 'applications'::regclass
                                      AND tgname LIKE 'page\\_writes%' ORDER BY tgname`),
    );
    expect(partly.map((t) => t.name)).toEqual([
      "page_writes_delete",
      "page_writes_insert",
      "page_writes_truncate",
      "page_writes_update",
    ]);
  });

  it("changes when an application is sent or a sent one deleted; not for a draft, its edits or a later state", async () => {
    const r = await referencesRegion(database.db);
    // (applicationIn also makes the teacher's account, a watched write: the stamp is read after it.)
    const { application: draft } = await applicationIn(database.db, r, "draft");
    let before = await stamp();
    await database.db
      .update(applications)
      .set({ supportingStatement: "Typed more." })
      .where(eq(applications.id, draft.id));
    expect(await stamp()).toBe(before);
    await database.db
      .update(applications)
      .set({ status: "submitted", submittedAt: new Date() })
      .where(eq(applications.id, draft.id));
    expect(await stamp()).not.toBe(before);
    before = await stamp();
    await database.db.update(applications).set({ status: "shortlisted" }).where(eq(applications.id, draft.id));
    expect(await stamp()).toBe(before);
    await database.db.delete(applications).where(eq(applications.id, draft.id));
    expect(await stamp()).not.toBe(before);
    const { application: unsent } = await applicationIn(database.db, r, "draft");
    before = await stamp();
    await database.db.delete(applications).where(eq(applications.id, unsent.id));
    expect(await stamp()).toBe(before);
  });

  it("changes when a transaction of several writes commits, once for the transaction", async () => {
    const before = await stamp();
    expect(before).not.toBeNull();
    const rows = await logged();
    await database.db.transaction(async (tx) => {
      await tx.insert(organisations).values([organisation("a"), organisation("b")]);
      await tx.execute(sql`UPDATE organisations SET name = name || ' (renamed)'`);
      await tx.execute(sql`DELETE FROM organisations WHERE slug = 'b'`);
    });
    expect(await logged()).toBe(rows + 1);
    const after = await stamp();
    expect(after).not.toBe(before);
    // A statement that writes no row is no write.
    await database.db.execute(sql`UPDATE organisations SET name = 'nobody' WHERE slug = 'no-such-trust'`);
    expect(await stamp()).toBe(after);
  });

  it("stays the same when the log is folded, and goes on rising after", async () => {
    for (const slug of ["f1", "f2", "f3"]) await database.db.insert(organisations).values(organisation(slug));
    const before = await stamp();
    await foldPageWrites(database.db);
    expect(await logged()).toBe(0);
    expect(await stamp()).toBe(before);
    await database.db.insert(organisations).values(organisation("f4"));
    expect(await stamp()).not.toBe(before);
  });

  it("does not change when the write is rolled back, or is to an unwatched table", async () => {
    const before = await stamp();
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(organisations).values(organisation("gone"));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await stamp()).toBe(before);
    await database.db.insert(rateLimits).values({ key: "sign-in:203.0.113.9", windowStart: new Date(), hits: 1 });
    expect(await stamp()).toBe(before);
  });

  it("changes when a write after a savepoint rolled back commits (the savepoint took its queued event back)", async () => {
    const before = await stamp();
    await database.db.transaction(async (tx) => {
      await tx
        .transaction(async (inner) => {
          await inner.insert(organisations).values(organisation("undone"));
          throw new Error("savepoint rolled back");
        })
        .catch(() => {});
      await tx.insert(organisations).values(organisation("kept"));
    });
    expect(await stamp()).not.toBe(before);
  });

  it("comes back with a new epoch when every table is emptied, as the tests' reset does", async () => {
    const before = await stamp();
    await database.db.execute(sql`TRUNCATE page_generation, page_writes, organisations CASCADE`);
    const after = await stamp();
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "lets a writer commit while another's transaction is open (on a PostgreSQL server: two connections)",
    async () => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let wrote!: () => void;
      const written = new Promise<void>((r) => (wrote = r));
      const first = database.db.transaction(async (tx) => {
        await tx.insert(organisations).values(organisation("open-1"));
        wrote();
        await held;
      });
      await written;
      const before = await stamp();
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL lock_timeout = '2s'`);
        await tx.insert(organisations).values(organisation("open-2"));
      });
      expect(await stamp()).not.toBe(before);
      release();
      await first;
    },
  );

  it("changes with an index write after a reindex (the swapped-in tables are new; search_generation is watched)", async () => {
    const region = await searchRegion(database.db);
    const engine = postgresEngine(database.db);
    await reindex(database.db, engine);
    const before = await stamp();
    await engine.remove([Object.values(region.ids)[0]!]);
    expect(await stamp()).not.toBe(before);
  });
});

describe("a reader's stamp (ADR 0043)", () => {
  const DAY = 24 * 3600_000;
  const kept = () => new KeptPages(() => database.db);

  async function session(verified: boolean) {
    const [user] = await database.db
      .insert(users)
      .values({ email: `reader-${Math.random().toString(36).slice(2)}@example.org`, name: "Hana", passwordHash: "x" })
      .returning();
    const id = `session-${Math.random().toString(36).slice(2)}`;
    const expiresAt = new Date(Date.now() + 7 * DAY);
    await database.db.insert(sessions).values({
      id,
      userId: user!.id,
      expiresAt,
      absoluteExpiresAt: new Date(Date.now() + 30 * DAY),
      secondFactorVerifiedAt: verified ? new Date() : null,
    });
    return { id, expiresAt };
  }

  it("is the generation with the session's row, until half the session's idle time is left", async () => {
    const { id, expiresAt } = await session(true);
    const first = await kept().readerStamp(id);
    expect(first?.generation.startsWith(`${await stamp()}:`)).toBe(true);
    expect(first?.until).toBeCloseTo(expiresAt.getTime() - 3.5 * DAY, -3);
    // Lucia slides the expiry forward: another stamp, so the page is made again.
    await database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() + 7 * DAY + 60_000) })
      .where(eq(sessions.id, id));
    expect((await kept().readerStamp(id))?.generation).not.toBe(first?.generation);
    // Its absolute expiry comes first when it is nearer.
    const soon = new Date(Date.now() + DAY);
    await database.db.update(sessions).set({ absoluteExpiresAt: soon }).where(eq(sessions.id, id));
    expect((await kept().readerStamp(id))?.until).toBeCloseTo(soon.getTime(), -3);
  });

  it("is null for a session that is gone or has not given its second factor", async () => {
    const { id } = await session(false);
    expect(await kept().readerStamp(id)).toBeNull();
    expect(await kept().readerStamp("no-such-session")).toBeNull();
    const verified = await session(true);
    await database.db.delete(sessions).where(eq(sessions.id, verified.id));
    expect(await kept().readerStamp(verified.id)).toBeNull();
  });
});
