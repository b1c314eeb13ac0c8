import { existsSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assessVacancy, inputsOf } from "../../app/pay/assessment.server";
import { neighbourEvidence } from "../../app/pay/neighbours.server";
import { evidenceInMemory, keepPayOffersInMemory, roundHalfEven } from "../../app/pay/offers-in-memory.server";
import { reassessOpenVacanciesBatched } from "../../app/pay/nightly.server";
import type { Database, Executor } from "../../db/client";
import { ensurePayScales } from "../../db/importers/pay-scales";
import { importSchools } from "../../db/importers/schools";
import { rowsOf } from "../../db/rows";
import { vacancies, vacancySchools } from "../../db/schema";
import { createSchool } from "../support/factories";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();
const GREATER_MANCHESTER = path.resolve("../shared/data/schools-greater-manchester.csv");

/** One vacancy's evidence from the offers kept in memory (null: it did not answer) and from the database. */
async function bothWays(db: Executor, vacancyId: string, now = new Date()) {
  const inputs = (await inputsOf(db, vacancyId, now))!;
  const kept = await evidenceInMemory(db, inputs.offersLook, inputs.offer, inputs.located, inputs.policy, now);
  const database = await neighbourEvidence(db, inputs.offer, inputs.policy, now);
  return { kept, database };
}

/** A small, fixed pseudo-random sequence, so a failure can be run again as it was. */
function sequence(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor((state / 2 ** 31) * n);
  };
}

const DAY = 86_400_000;

/**
 * Published offers over the given schools with every shape the neighbour query distinguishes: roles of one family and
 * of others, one phase or two, main and upper ranges, entry-level offers (some without a minimum), a second school for
 * one offer in five, and publishing dates from last week to fifteen months ago (some outside the lookback, some on
 * its first day).
 */
async function publishOffers(db: Executor, schoolIds: string[], count: number, now: Date, seed = 7) {
  const pick = sequence(seed);
  const roles = [
    "classroom_teacher",
    "classroom_teacher",
    "classroom_teacher",
    "head_of_department",
    "head_of_year",
    "senco",
  ];
  const phases = [["secondary"], ["secondary"], ["primary"], ["primary", "secondary"]];
  const rows = Array.from({ length: count }, (_, i) => {
    const entry = pick(4) === 0;
    const published =
      pick(10) === 0
        ? new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate(), 0, 0, pick(2)))
        : new Date(now.getTime() - (1 + pick(450)) * DAY - pick(DAY));
    return {
      ownerSchoolId: schoolIds[pick(schoolIds.length)]!,
      status: "published" as const,
      title: `Offer ${i}`,
      role: roles[pick(roles.length)]!,
      phases: phases[pick(phases.length)]!,
      payRange: pick(3) === 0 ? ("upper" as const) : ("main" as const),
      ectSuitable: entry,
      salaryMinFte: entry && pick(5) === 0 ? null : 31_650 + pick(6) * 1_000,
      salaryMaxFte: 38_000 + pick(12) * 750,
      publishedAt: published,
      closesAt: new Date(now.getTime() + 30 * DAY),
    };
  });
  const ids = (await db.insert(vacancies).values(rows).returning({ id: vacancies.id })).map((r) => r.id);
  await db.insert(vacancySchools).values(
    ids.flatMap((id, i) => {
      const first = rows[i]!.ownerSchoolId;
      const second = schoolIds[pick(schoolIds.length)]!;
      return [
        { vacancyId: id, schoolId: first, position: 0 },
        ...(i % 5 === 0 && second !== first ? [{ vacancyId: id, schoolId: second, position: 1 }] : []),
      ];
    }),
  );
  return ids;
}

async function locatedSchoolIds(db: Executor, limit: number): Promise<string[]> {
  return rowsOf<{ id: string }>(
    await db.execute(sql`SELECT id FROM schools WHERE lat IS NOT NULL ORDER BY id LIMIT ${limit}`),
  ).map((r) => r.id);
}

/** A handful of real schools in Sale and Manchester, when the shared data is not there. */
async function someSchools(db: Database): Promise<string[]> {
  const places = [
    [53.42246, -2.30867],
    [53.4251, -2.3227],
    [53.4348, -2.2853],
    [53.4481, -2.2718],
    [53.4603, -2.2427],
    [53.4794, -2.2453],
    [53.3935, -2.3504],
    [53.4106, -2.1575],
  ] as const;
  const ids: string[] = [];
  for (const [lat, lng] of places) ids.push((await createSchool(db, { lat, lng, phase: "Secondary" })).id);
  return ids;
}

describe("the pay offers kept in memory", () => {
  it.skipIf(!existsSync(GREATER_MANCHESTER))(
    "give every vacancy of Greater Manchester the database's evidence, to the metre and the penny (needs ../shared/data)",
    async () => {
      await importSchools(t.db, GREATER_MANCHESTER);
      const now = new Date();
      const ids = await publishOffers(t.db, await locatedSchoolIds(t.db, 1_200), 1_500, now);
      let compared = 0;
      let withNeighbours = 0;
      for (const id of ids.filter((_, i) => i % 5 === 0)) {
        const { kept, database } = await bothWays(t.db, id, now);
        expect(kept, id).not.toBeNull();
        expect(kept, id).toEqual(database);
        compared++;
        if (database.found > 0) withNeighbours++;
      }
      expect(compared).toBe(300);
      // The comparison means something only if most vacancies have neighbours.
      expect(withNeighbours).toBeGreaterThan(200);
    },
  );

  it("follow every change to the offers: published, edited, moved, withdrawn, emptied", async () => {
    const ids = await someSchools(t.db);
    const now = new Date();
    const offers = await publishOffers(t.db, ids, 120, now, 11);
    const subject = offers.find((_, i) => i % 5 !== 0)!;
    const same = async (what: string) => {
      const { kept, database } = await bothWays(t.db, subject, now);
      expect(kept, what).not.toBeNull();
      expect(kept, what).toEqual(database);
      return database;
    };
    const first = await same("at first");

    // A new neighbour of the subject's shape at another school, published now.
    const [shape] = rowsOf<{ role: string; phases: string[]; pay_range: string; ect_suitable: boolean }>(
      await t.db.execute(sql`SELECT role, phases, pay_range, ect_suitable FROM vacancies WHERE id = ${subject}`),
    );
    const own = rowsOf<{ school_id: string }>(
      await t.db.execute(sql`SELECT school_id FROM vacancy_schools WHERE vacancy_id = ${subject}`),
    ).map((r) => r.school_id);
    const other = ids.find((id) => !own.includes(id))!;
    const added = await publishOfferLike(t.db, shape!, other, now);
    const afterAdding = await same("after publishing a neighbour");
    expect(afterAdding.found).toBe(first.found + 1);

    await t.db.execute(sql`UPDATE vacancies SET salary_max_fte = 61000, salary_min_fte = 60000 WHERE id = ${added}`);
    const repriced = (await same("after its pay changed")).nearest.find((c) => c.vacancyId === added);
    expect(repriced?.salaryMaxFte).toBe(61_000);

    // A school moving 200 miles away takes its offers out of the circle.
    await t.db.execute(sql`UPDATE schools SET lat = lat - 3 WHERE id = ${other}`);
    expect((await same("after its school moved")).found).toBeLessThan(afterAdding.found);
    await t.db.execute(sql`UPDATE schools SET lat = lat + 3 WHERE id = ${other}`);
    expect((await same("after it moved back")).found).toBe(afterAdding.found);

    await t.db.execute(sql`UPDATE vacancies SET status = 'draft', published_at = NULL WHERE id = ${added}`);
    expect((await same("after it was withdrawn")).found).toBe(first.found);

    await t.db.execute(sql`TRUNCATE pay_offers`);
    expect((await same("after the offers were emptied")).found).toBe(0);
  });

  it("leave a transaction's own uncommitted offers to the database, and never keep them after a rollback", async () => {
    const ids = await someSchools(t.db);
    const now = new Date();
    const offers = await publishOffers(t.db, ids, 80, now, 13);
    // An offer compared on its maximum, with neighbours: raising every other maximum moves its benchmark.
    let subject = "";
    let before: Awaited<ReturnType<typeof bothWays>> | null = null;
    for (const id of offers) {
      const both = await bothWays(t.db, id, now);
      const [row] = rowsOf<{ ect_suitable: boolean }>(
        await t.db.execute(sql`SELECT ect_suitable FROM vacancies WHERE id = ${id}`),
      );
      if (both.database.found > 0 && !row!.ect_suitable) [subject, before] = [id, both];
      if (subject) break;
    }
    expect(before).not.toBeNull();
    const neighbour = before!.database.nearest[0]!.vacancyId;

    await t.db
      .transaction(async (tx) => {
        await tx.execute(sql`UPDATE vacancies SET salary_max_fte = salary_max_fte + 5000 WHERE id <> ${subject}`);
        const inside = await bothWays(tx, subject, now);
        // Other vacancies' offers changed in this transaction: the copy does not answer; the database sees them.
        expect(inside.kept).toBeNull();
        expect(inside.database.benchmark).toBe(before!.database.benchmark! + 5000);
        throw new Error("roll back");
      })
      .catch((e: Error) => expect(e.message).toBe("roll back"));

    const after = await bothWays(t.db, subject, now);
    expect(after.kept).toEqual(before!.database);
    expect(after.kept).toEqual(after.database);

    // The test database's reset emptied pay_offers (a null vacancy in the log). While another test file's transaction
    // holds the server's oldest snapshot back, that entry stays in the copy's window and each look reads everything,
    // which it declines to do inside a transaction with changes of its own (the database answers). The copy has
    // read everything since (above), so the entry is dropped here to test the next rule alone.
    await t.db.execute(sql`DELETE FROM pay_offer_changes WHERE vacancy_id IS NULL`);
    // Its own offer changed in the transaction (publishing it) does not stop the copy: it is never its own neighbour.
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE vacancies SET title = 'Renamed' WHERE id = ${subject}`);
      const inside = await bothWays(tx, subject, now);
      expect(inside.kept).not.toBeNull();
      expect(inside.kept).toEqual(inside.database);
    });
    // And a change committed by another transaction meanwhile is read on the next look.
    await t.db.execute(sql`UPDATE vacancies SET salary_max_fte = 70000 WHERE id = ${neighbour}`);
    const later = await bothWays(t.db, subject, now);
    expect(later.kept).toEqual(later.database);
  });

  it("read everything again when the log of changes they last looked at was pruned", async () => {
    await ensurePayScales(t.db);
    const ids = await someSchools(t.db);
    const now = new Date();
    const offers = await publishOffers(t.db, ids, 60, now, 17);
    const subject = offers[2]!;
    await bothWays(t.db, subject, now);
    // A change the copy has not seen, whose log is then a fortnight old and pruned by the nightly pass.
    await t.db.execute(sql`UPDATE vacancies SET salary_max_fte = 80000 WHERE id <> ${subject}`);
    await t.db.execute(sql`UPDATE pay_offer_changes SET at = now() - interval '14 days'`);
    await reassessOpenVacanciesBatched(t.db, now);
    expect(
      rowsOf(await t.db.execute(sql`SELECT 1 FROM pay_offer_changes WHERE at < now() - interval '7 days'`)),
    ).toEqual([]);
    const { kept, database } = await bothWays(t.db, subject, now);
    expect(kept).not.toBeNull();
    expect(kept).toEqual(database);
  });

  it("answer one assessment at a time: a second at once asks the database", async () => {
    const ids = await someSchools(t.db);
    const now = new Date();
    const offers = await publishOffers(t.db, ids, 60, now, 19);
    await bothWays(t.db, offers[0]!, now);
    await t.db.execute(sql`UPDATE vacancies SET salary_max_fte = salary_max_fte + 1 WHERE id = ${offers[3]!}`);
    const [a, b] = await Promise.all([inputsOf(t.db, offers[1]!, now), inputsOf(t.db, offers[2]!, now)]);
    const [first, second] = await Promise.all([
      evidenceInMemory(t.db, a!.offersLook, a!.offer, a!.located, a!.policy, now),
      evidenceInMemory(t.db, b!.offersLook, b!.offer, b!.located, b!.policy, now),
    ]);
    expect(first).toEqual(await neighbourEvidence(t.db, a!.offer, a!.policy, now));
    expect(second).toBeNull();
    // Whole assessments at once agree with the same assessments one after another, whichever answered.
    const together = await Promise.all(offers.slice(0, 6).map((id) => assessVacancy(t.db, id, now)));
    for (const [i, id] of offers.slice(0, 6).entries())
      expect(together[i], id).toEqual(await assessVacancy(t.db, id, now));
  });
});

/** One more offer of the subject's own shape at `schoolId`, published now; its id. */
async function publishOfferLike(
  db: Executor,
  shape: { role: string; phases: string[]; pay_range: string; ect_suitable: boolean },
  schoolId: string,
  now: Date,
): Promise<string> {
  const [row] = await db
    .insert(vacancies)
    .values({
      ownerSchoolId: schoolId,
      status: "published",
      title: "A new neighbour",
      role: shape.role,
      phases: shape.phases,
      payRange: shape.pay_range as "main",
      ectSuitable: shape.ect_suitable,
      salaryMinFte: 33_000,
      salaryMaxFte: 41_000,
      publishedAt: now,
      closesAt: new Date(now.getTime() + 30 * DAY),
    })
    .returning({ id: vacancies.id });
  await db.insert(vacancySchools).values({ vacancyId: row!.id, schoolId, position: 0 });
  return row!.id;
}

describe("PAY_OFFERS_IN_MEMORY=off", () => {
  it("keeps nothing and asks the database, with the same assessment", async () => {
    const ids = await someSchools(t.db);
    const now = new Date();
    const offers = await publishOffers(t.db, ids, 40, now, 23);
    const kept = await assessVacancy(t.db, offers[0]!, now);
    keepPayOffersInMemory(false);
    try {
      const inputs = (await inputsOf(t.db, offers[0]!, now))!;
      expect(inputs.offersLook).toBeNull();
      expect(
        await evidenceInMemory(t.db, inputs.offersLook, inputs.offer, inputs.located, inputs.policy, now),
      ).toBeNull();
      expect(await assessVacancy(t.db, offers[0]!, now)).toEqual(kept);
    } finally {
      keepPayOffersInMemory(true);
    }
  });
});

describe("PostgreSQL's round()", () => {
  it("rounds halves to the even whole number, as the database rounds a distance", () => {
    expect([0.5, 1.5, 2.5, 3.49, 3.5, 16093.44, 16093.5, 16094.5].map(roundHalfEven)).toEqual([
      0, 2, 2, 3, 4, 16093, 16094, 16094,
    ]);
  });
});
