/**
 * The Postgres engine keeps search results in memory (search/postgres/result-cache.server.ts): a repeated search is
 * answered without searching, and never once the index has changed (by this engine or another process's) or a
 * vacancy's closing time has passed.
 */
import { sql, type SQL } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import type { EngineQuery, SearchEngine } from "../../search/engine";
import { postgresEngine } from "../../search/postgres/engine.server";
import { reindex } from "../../search/reindex.server";
import { drainSearchSync } from "../../search/sync.server";
import { useTestDatabase } from "../support/database";
import { searchRegion, type SearchFixture } from "../support/search-fixtures";

const database = useTestDatabase();
const DAY = 86_400_000;

/** The database, counting the statements sent through it. */
function counting(db: Database) {
  const sent: SQL[] = [];
  const spy = new Proxy(db, {
    get(target, key, receiver) {
      if (key === "execute") return (query: SQL) => (sent.push(query), target.execute(query));
      return Reflect.get(target, key, receiver);
    },
  });
  return { db: spy, sent };
}

describe("search results kept in memory (Postgres engine)", () => {
  let f: SearchFixture;
  let engine: SearchEngine;
  let sent: SQL[];
  const now = new Date();
  const maths: EngineQuery = { text: "maths", filters: {}, sort: "newest", page: 1, pageSize: 20, now, facets: true };
  const ids = async (e: SearchEngine, q: EngineQuery) => f.names((await e.search(q)).hits.map((h) => h.vacancyId));

  beforeEach(async () => {
    f = await searchRegion(database.db, now);
    const spy = counting(database.db);
    sent = spy.sent;
    engine = postgresEngine(spy.db);
    await reindex(database.db, engine);
  });

  it("answers a repeated search with one small statement, and the same answer", async () => {
    const first = await engine.search(maths);
    expect(first.total).toBeGreaterThan(0);
    sent.length = 0;
    const again = await engine.search({ ...maths, now: new Date(now.getTime() + 1000) });
    expect(again).toEqual(first);
    expect(sent).toHaveLength(1);
    // The same query with its filters in another order is the same search.
    sent.length = 0;
    const filters = { phase: "secondary", ect: true } as const;
    await engine.search({ ...maths, filters });
    await engine.search({ ...maths, filters: { ect: true, phase: "secondary" } });
    expect(sent.length).toBeGreaterThan(2);
    sent.length = 0;
    await engine.search({ ...maths, filters: { ect: true, phase: "secondary" } });
    expect(sent).toHaveLength(1);
  });

  it("searches again once the index has changed, here or in another process", async () => {
    const before = await ids(engine, maths);
    await database.db.execute(sql`UPDATE vacancies SET title = 'Teacher of Music' WHERE id = ${f.ids.v2}`);
    await database.db.execute(sql`UPDATE vacancies SET subjects = ARRAY['music'] WHERE id = ${f.ids.v2}`);
    await drainSearchSync(database.db, engine);
    const after = await ids(engine, maths);
    expect(before).toContain("v2");
    expect(after).not.toContain("v2");
    expect(after).toHaveLength(before.length - 1);

    // Another process has its own engine and memory: its writes reach this one through the database.
    const other = postgresEngine(database.db);
    await other.remove([f.ids.v1]);
    expect(await ids(engine, maths)).toEqual(after.filter((name) => name !== "v1"));
    await reindex(database.db, other);
    expect(await ids(engine, maths)).toEqual(await ids(postgresEngine(database.db, { keepResults: false }), maths));
  });

  it("searches again once a vacancy's closing time has passed, and for a moment before the one kept", async () => {
    const everything: EngineQuery = { ...maths, text: undefined };
    const total = (at: Date) => engine.search({ ...everything, now: at }).then((r) => r.total);
    const today = await total(now);
    // The soonest to close does so in 3 days, the next in 5: a search just after the first has one vacancy fewer.
    const later = new Date(now.getTime() + 3 * DAY + 60_000);
    expect(await total(later)).toBe(today - 1);
    expect(await total(now)).toBe(today);
    expect(await total(new Date(now.getTime() + 4 * DAY))).toBe(today - 1);
  });

  it("never keeps a search since a date (an alert's)", async () => {
    const since = { ...maths, publishedSince: new Date(now.getTime() - 30 * DAY) };
    await engine.search(since);
    sent.length = 0;
    await engine.search(since);
    expect(sent.length).toBeGreaterThan(1);
  });
});
