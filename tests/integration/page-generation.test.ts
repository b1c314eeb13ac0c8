/**
 * page_generation (migration 0029, ADR 0041): the stamp pages kept for visitors are kept under. Every committed write
 * to a table such pages may read gives a new stamp, once per transaction; a write rolled back gives none; the tables
 * left unwatched are exactly the listed ones.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parseRows, rowsOf } from "../../db/rows";
import { organisations, rateLimits } from "../../db/schema";
import { postgresEngine } from "../../search/postgres/engine.server";
import { reindex } from "../../search/reindex.server";
import { z } from "zod";
import { useTestDatabase } from "../support/database";
import { searchRegion } from "../support/search-fixtures";

const database = useTestDatabase();

/** What no page kept for visitors reads: what a visit or a person's own account writes (migration 0029). */
const UNWATCHED = [
  "page_generation",
  "sessions",
  "user_tokens",
  "recovery_codes",
  "second_factors",
  "rate_limits",
  "vacancy_view_days",
  "application_views",
  "pool_views",
  "emails",
  "undeliverable_addresses",
  "search_sync_pending",
  "saved_vacancies",
  "job_alerts",
  "job_alert_deliveries",
  "calendar_feeds",
  "applications",
  "application_events",
  "application_messages",
  "application_notes",
  "application_references",
  "application_equality",
  "equality_monitoring",
  "pay_offer_changes",
  "pay_offer_changes_pruned",
];

async function stamp(): Promise<string | null> {
  const [row] = parseRows(
    await database.db.execute(sql`SELECT stamp FROM page_generation`),
    z.object({ stamp: z.string() }),
    "stamp",
  );
  return row?.stamp ?? null;
}

const organisation = (slug: string) => ({ slug, name: `Trust ${slug}`, kind: "academy_trust" as const });

describe("page_generation", () => {
  it("watches every table but the listed ones, on insert, update, delete and truncate", async () => {
    const tables = rowsOf<{ name: string; watched: boolean; truncate: boolean }>(
      await database.db.execute(sql`
        SELECT t.tablename AS name,
               EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = format('public.%I', t.tablename)::regclass
                          AND g.tgname = 'page_generation' AND g.tgdeferrable AND g.tginitdeferred) AS watched,
               EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = format('public.%I', t.tablename)::regclass
                          AND g.tgname = 'page_generation_truncate') AS truncate
          FROM pg_tables t WHERE t.schemaname = 'public' AND t.tablename NOT LIKE '\\_\\_%'`),
    );
    const names = tables.map((t) => t.name);
    // The list names real tables: a renamed one would leave its new name unwatched without failing here otherwise.
    expect(UNWATCHED.filter((n) => !names.includes(n))).toEqual([]);
    const wrong = tables.filter((t) => (t.watched && t.truncate) === UNWATCHED.includes(t.name)).map((t) => t.name);
    expect(wrong).toEqual([]);
    expect(tables.length).toBeGreaterThan(UNWATCHED.length + 50);
  });

  it("changes when a transaction of several writes commits, not before", async () => {
    const before = await stamp();
    expect(before).not.toBeNull();
    let inside: string | null = null;
    await database.db.transaction(async (tx) => {
      await tx.insert(organisations).values([organisation("a"), organisation("b")]);
      await tx.execute(sql`UPDATE organisations SET name = name || ' (renamed)'`);
      // Deferred to the commit: the row is not locked while the transaction works.
      inside = parseRows(
        await tx.execute(sql`SELECT stamp FROM page_generation`),
        z.object({ stamp: z.string() }),
        "s",
      )[0]!.stamp;
    });
    expect(inside).toBe(before);
    const after = await stamp();
    expect(after).not.toBe(before);
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

  it("comes back with a new stamp when every table is emptied, as the tests' reset does", async () => {
    const before = await stamp();
    await database.db.execute(sql`TRUNCATE page_generation, organisations CASCADE`);
    const after = await stamp();
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
  });

  it("changes with an index write after a reindex (the swapped-in tables are new; search_generation is watched)", async () => {
    const region = await searchRegion(database.db);
    const engine = postgresEngine(database.db);
    await reindex(database.db, engine);
    const before = await stamp();
    await engine.remove([Object.values(region.ids)[0]!]);
    expect(await stamp()).not.toBe(before);
  });
});
