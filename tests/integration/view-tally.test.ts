/**
 * Vacancy page views tallied in memory and written a second at a time (ADR 0042): every view counted lands, on its
 * day in England, added to what is there; a vacancy deleted meanwhile does not fail the others; a write that fails
 * keeps its views for the next; two writes at once never write a view twice; stopping writes what waits.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { vacancies, vacancyViewDays } from "../../db/schema";
import { ViewTally } from "../../app/applications/view-tally.server";
import { createSchool } from "../support/factories";
import { publishedVacancy } from "../support/fair-fixtures";
import { useTestDatabase } from "../support/database";

const database = useTestDatabase();

async function days(vacancyId: string) {
  return rowsOf<{ day: string; views: number }>(
    await database.db.execute(sql`SELECT day::text AS day, views FROM vacancy_view_days
                                   WHERE vacancy_id = ${vacancyId} ORDER BY day`),
  );
}

async function twoVacancies() {
  const school = await createSchool(database.db);
  return [
    await publishedVacancy(database.db, school.id, "Teacher of maths"),
    await publishedVacancy(database.db, school.id, "Teacher of music"),
  ] as const;
}

describe("ViewTally", () => {
  it("writes every view counted, on its day in England, added to the day's views already written", async () => {
    const [maths, music] = await twoVacancies();
    await database.db.insert(vacancyViewDays).values({ vacancyId: maths, day: "2026-07-01", views: 10 });
    const tally = new ViewTally(() => database.db);
    // 23:30 in UTC on 30 June is 00:30 on 1 July in London (summer time).
    for (let i = 0; i < 3; i++) tally.count(maths, new Date("2026-06-30T23:30:00Z"));
    tally.count(maths, new Date("2026-06-30T22:30:00Z"));
    tally.count(music, new Date("2026-12-31T23:59:00Z"));
    expect(tally.pending).toBe(5);

    expect(await tally.write()).toBe(5);
    expect(tally.pending).toBe(0);
    expect(await days(maths)).toEqual([
      { day: "2026-06-30", views: 1 },
      { day: "2026-07-01", views: 13 },
    ]);
    expect(await days(music)).toEqual([{ day: "2026-12-31", views: 1 }]);
    expect(await tally.write()).toBe(0);
  });

  it("skips a vacancy deleted since its views were counted, and writes the others", async () => {
    const [gone, kept] = await twoVacancies();
    const tally = new ViewTally(() => database.db);
    tally.count(gone);
    tally.count(kept);
    await database.db.delete(vacancies).where(eq(vacancies.id, gone));
    await tally.write();
    expect(await days(gone)).toEqual([]);
    expect((await days(kept)).map((d) => d.views)).toEqual([1]);
  });

  it("keeps the views of a write that failed, and writes them with the next", async () => {
    const [maths] = await twoVacancies();
    let down = true;
    const unreachable = {
      execute: () => Promise.reject(new Error("connection refused")),
    } as unknown as Executor;
    const tally = new ViewTally(() => (down ? unreachable : database.db));
    tally.count(maths);
    tally.count(maths);
    await expect(tally.write()).rejects.toThrow("connection refused");
    expect(tally.pending).toBe(2);
    tally.count(maths);
    down = false;
    expect(await tally.write()).toBe(3);
    expect((await days(maths)).map((d) => d.views)).toEqual([3]);
  });

  it("never writes a view twice when two writes are asked for at once, and writes what waits when stopped", async () => {
    const [maths] = await twoVacancies();
    const tally = new ViewTally(() => database.db);
    for (let i = 0; i < 4; i++) tally.count(maths);
    const first = tally.write();
    tally.count(maths);
    const second = tally.write();
    expect((await first) + (await second)).toBe(5);
    expect((await days(maths)).map((d) => d.views)).toEqual([5]);

    tally.start(60_000, (error) => {
      throw error;
    });
    tally.count(maths);
    await tally.stop();
    expect((await days(maths)).map((d) => d.views)).toEqual([6]);
  });
});
