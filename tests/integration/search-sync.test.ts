/**
 * Sync through the real vacancy lifecycle, and reindexing under load: the index follows every change, a
 * rolled-back change leaves nothing behind, and a reindex neither fails a search nor loses a change.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { applyDueTransitions } from "../../app/vacancies/scheduler.server";
import { closeVacancy, publishVacancy } from "../../app/vacancies/lifecycle.server";
import { updateVacancy } from "../../app/vacancies/editing.server";
import { firstRow, rowsOf } from "../../db/rows";
import { services } from "../../app/services.server";
import type { EngineQuery } from "../../search/engine";
import { indexedSearchFormat, reindex } from "../../search/reindex.server";
import { searchFormat } from "../../search/format";
import { drainSearchSync, pendingCount } from "../../search/sync.server";
import { useTestDatabase } from "../support/database";
import { searchRegion } from "../support/search-fixtures";
import { publishableDraft, twoTrustRegion } from "../support/vacancy-fixtures";

const t = useTestDatabase();
const search = (query: Partial<EngineQuery>) =>
  services().search.search({ filters: {}, sort: "newest", page: 1, pageSize: 50, now: new Date(), ...query });
const drain = () => drainSearchSync(t.db, services().search);
const titles = async (text: string) => (await search({ text })).hits.map((h) => h.document.title);

describe("search sync", () => {
  it("records at each reindex the search format it was built with, so start-up can rebuild an older index", async () => {
    await t.db.execute(sql`COMMENT ON TABLE search_index_state IS NULL`);
    expect(await indexedSearchFormat(t.db)).toBeNull();
    await searchRegion(t.db);
    await reindex(t.db, services().search);
    expect(await indexedSearchFormat(t.db)).toBe(searchFormat());
    expect(searchFormat()).toMatch(/^\d+-[0-9a-f]{8}$/);
  });

  it("follows a vacancy through publication, an edit and closing", async () => {
    const r = await twoTrustRegion(t.db);
    const id = await publishableDraft(t.db, r, { title: "Teacher of Astronomy" });
    await drain();
    expect(await titles("astronomy")).toEqual([]); // a draft is not searchable
    await publishVacancy(t.db, r.hrA.id, id);
    expect(await pendingCount(t.db)).toBe(1);
    await drain();
    expect(await titles("astronomy")).toEqual(["Teacher of Astronomy"]);
    await updateVacancy(t.db, r.hrA.id, id, { title: "Teacher of Astronomy and Physics" });
    await drain();
    expect(await titles("physics")).toEqual(["Teacher of Astronomy and Physics"]);
    await closeVacancy(t.db, r.hrA.id, id, "filled_staffroom");
    await drain();
    expect(await titles("astronomy")).toEqual([]);
    expect(await pendingCount(t.db)).toBe(0);
  });

  it("publishes on the clock: a scheduled vacancy is found once the scheduler publishes it", async () => {
    const r = await twoTrustRegion(t.db);
    const id = await publishableDraft(t.db, r, {
      title: "Teacher of Geology",
      publishAt: new Date(Date.now() + 3_600_000),
    });
    expect(await publishVacancy(t.db, r.hrA.id, id)).toMatchObject({ ok: true, status: "scheduled" });
    await drain();
    expect(await titles("geology")).toEqual([]);
    await applyDueTransitions(t.db, new Date(Date.now() + 2 * 3_600_000));
    await drain();
    expect(await titles("geology")).toEqual(["Teacher of Geology"]);
  });

  it("a change that rolls back leaves nothing to sync", async () => {
    const f = await searchRegion(t.db);
    await drain();
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE vacancies SET title = 'Rolled back' WHERE id = ${f.ids.v1}`);
        throw new Error("the caller gives up");
      }),
    ).rejects.toThrow("the caller gives up");
    expect(await pendingCount(t.db)).toBe(0);
    expect(await titles("rolled")).toEqual([]);
  });

  it("a school's new name reaches every live vacancy there", async () => {
    const f = await searchRegion(t.db);
    await drain();
    await t.db.execute(sql`UPDATE schools SET name = 'Copley Sixth Form Academy' WHERE id = ${f.schools.s8.id}`);
    expect(await pendingCount(t.db)).toBe(2); // v2 and v6 are there; the closed and draft ones are not indexed
    await drain();
    expect((await search({ text: "copley sixth" })).total).toBe(2);
  });
});

describe("reindex", () => {
  it("swaps in a fresh index while searches run, and none of them fails", async () => {
    await searchRegion(t.db);
    await reindex(t.db, services().search);
    const totals: number[] = [];
    let running = true;
    const searching = (async () => {
      while (running) totals.push((await search({})).total);
    })();
    for (let i = 0; i < 3; i++) await reindex(t.db, services().search, { batchSize: 2 });
    running = false;
    await searching;
    expect(totals.length).toBeGreaterThan(0);
    expect(new Set(totals)).toEqual(new Set([8]));
  });

  it("applies a change made while it was reading the vacancies, after the swap", async () => {
    const f = await searchRegion(t.db);
    await reindex(t.db, services().search);
    let changed = false;
    const report = await reindex(t.db, services().search, {
      batchSize: 3,
      onProgress: async (done) => {
        // After the first batch has been read: v1 may already be in the fresh index with its old title.
        if (done > 0 && !changed) {
          changed = true;
          await t.db.execute(
            sql`UPDATE vacancies SET title = 'Teacher of Mathematics and Statistics' WHERE id = ${f.ids.v1}`,
          );
          // Sync waits while the reindex runs: the change stays pending.
          expect(await drain()).toMatchObject({ waiting: "rebuilding", indexed: 0 });
        }
      },
    });
    expect(changed).toBe(true);
    expect(report.caughtUp).toBe(1);
    expect(await titles("statistics")).toEqual(["Teacher of Mathematics and Statistics"]);
  });

  it("refuses a second reindex while one is running, and reports the counts", async () => {
    await searchRegion(t.db);
    await t.db.execute(sql`INSERT INTO search_index_state (id, rebuilding_since, heartbeat_at) VALUES (1, now(), now())
                           ON CONFLICT (id) DO UPDATE SET rebuilding_since = now(), heartbeat_at = now()`);
    await expect(reindex(t.db, services().search)).rejects.toThrow("Another reindex is running");
    // A reindex whose heartbeat stopped long ago has died: the next one takes over.
    await t.db.execute(sql`UPDATE search_index_state SET heartbeat_at = now() - interval '1 hour' WHERE id = 1`);
    expect(await reindex(t.db, services().search)).toMatchObject({ documents: 9, searchable: 9 });
    const state = firstRow(
      rowsOf<{ rebuilding: boolean }>(
        await t.db.execute(sql`SELECT rebuilding_since IS NOT NULL AS rebuilding FROM search_index_state`),
      ),
      "a row from search_index_state",
    );
    expect(state.rebuilding).toBe(false);
  });
});
