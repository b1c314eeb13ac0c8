/**
 * `npm run bench:fairs`: one partnership's recruitment fair with 40 schools offering 30 ten-minute meetings each
 * (1,200 slots of five places), 2,000 registered teachers, 1,500 of them already booked with two schools (3,000
 * bookings). Times a teacher booking a meeting (slot locked, places counted, their meetings checked, the booking and
 * its confirmation mail written), a teacher's timetable, the open slots their page lists, and a school's timetable.
 * Prints its figures; docs/performance.md records them with the machine, its load and the date.
 */
import { sql } from "drizzle-orm";
import { bookSlot, openSlots, teacherTimetable } from "../../app/fairs/bookings.server";
import { schoolTimetable } from "../../app/fairs/fairs.server";
import { services } from "../../app/services.server";
import type { Database } from "../../db/client";
import { firstRow, rowsOf } from "../../db/rows";
import { cycle } from "../support/arrays";
import { withBenchRuntime } from "./runtime";
import { measure, ms } from "./stats";

const SCHOOLS = 40;
const SLOTS_PER_SCHOOL = 30;
const TEACHERS = Number(process.env.BENCH_TEACHERS ?? 2_000);
const BOOKED_TEACHERS = Math.floor(TEACHERS * 0.75);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
/** A fair a month away, 10:00 to 15:00 UTC: registration and booking are open. */
const FAIR_DAY = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

type Measured = readonly [string, Awaited<ReturnType<typeof measure>>];

async function main() {
  await withBenchRuntime("bench_fairs", async (engine) => {
    const db = services().connection.db;
    const fixture = await loadFair(db);
    console.log(`engine: ${engine}; ${JSON.stringify(fixture.counts)}`);
    const context = { appUrl: "http://localhost:3000", enqueue: services().enqueue };
    const timed = async (name: string, iterations: number, fn: (i: number) => Promise<unknown>): Promise<Measured> => {
      console.log(`measuring: ${name}`);
      return [name, await measure(iterations, fn)] as const;
    };
    // Each booking is a fresh teacher's first (the warm-up takes ten): every one has a slot to win.
    let next = 0;
    let refused = 0;
    const results: Measured[] = [
      await timed(
        "booking a meeting (lock, count, check, insert, mail)",
        Math.min(ITERATIONS, fixture.fresh.length - 10),
        async () => {
          const teacher = fixture.fresh[next]!;
          const slot = cycle(fixture.slots, next * 7919);
          next += 1;
          const outcome = await bookSlot(db, context, teacher, slot.id);
          if (!outcome.ok) refused += 1;
        },
      ),
    ];
    results.push(
      await timed("a teacher's timetable (two meetings)", ITERATIONS, (i) =>
        teacherTimetable(db, cycle(fixture.booked, i * 31), fixture.fairId),
      ),
      await timed("the open slots a teacher's page lists (1,200 slots)", ITERATIONS, () =>
        openSlots(db, fixture.fairId),
      ),
      await timed("a school's timetable (30 slots with teachers)", ITERATIONS, (i) =>
        schoolTimetable(db, fixture.fairId, cycle(fixture.schools, i * 13)),
      ),
    );
    for (const [name, r] of results)
      console.log(`${name}: p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)} (n=${r.n})`);
    console.log(`bookings refused during the run: ${refused}`);
    console.log(
      "Figures from a loaded machine are not official: re-record them on a quiet one for docs/performance.md.",
    );
  });
}

async function loadFair(db: Database) {
  const one = async (q: ReturnType<typeof sql>) =>
    firstRow(rowsOf<{ id: string }>(await db.execute(q)), "a fixture row").id;
  const partnershipId = await one(
    sql`INSERT INTO partnerships (slug, name, region) VALUES ('bench', 'Bench', 'North West') RETURNING id`,
  );
  await db.execute(sql`
    INSERT INTO schools (urn, name, phase, la_code, la_name, source, partnership_id)
    SELECT 900000 + g, 'School ' || g, 'Primary', '358', 'Trafford', 'bench', ${partnershipId}
      FROM generate_series(1, ${SCHOOLS}) g`);
  const fairId = await one(sql`
    INSERT INTO fairs (partnership_id, name, mode, host_school_id, starts_at, ends_at)
    SELECT ${partnershipId}, 'Bench fair', 'in_person', min(id), ${`${FAIR_DAY}T10:00:00Z`}::timestamptz,
           ${`${FAIR_DAY}T15:00:00Z`}::timestamptz FROM schools
    RETURNING id`);
  await db.execute(sql`INSERT INTO fair_schools (fair_id, school_id) SELECT ${fairId}, id FROM schools`);
  await db.execute(sql`
    INSERT INTO fair_slots (fair_id, school_id, starts_at, ends_at, capacity)
    SELECT ${fairId}, s.id, f.starts_at + k * interval '10 minutes', f.starts_at + (k + 1) * interval '10 minutes', 5
      FROM schools s, fairs f, generate_series(0, ${SLOTS_PER_SCHOOL - 1}) k`);
  await db.execute(sql`
    INSERT INTO users (email, name, password_hash)
    SELECT 'teacher' || g || '@bench.example', 'Teacher ' || g, 'x' FROM generate_series(1, ${TEACHERS}) g`);
  await db.execute(sql`
    INSERT INTO fair_registrations (fair_id, user_id, interests)
    SELECT ${fairId}, id, 'KS2' FROM users WHERE email LIKE 'teacher%@bench.example'`);
  // Teacher n meets school n % 40 at slot (n / 40) % 30, and the next school fifteen slots later: two each.
  await db.execute(sql`
    WITH r AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM fair_registrations WHERE fair_id = ${fairId}),
         s AS (SELECT id, school_id, starts_at, ends_at,
                      dense_rank() OVER (ORDER BY school_id) - 1 AS school_n,
                      row_number() OVER (PARTITION BY school_id ORDER BY starts_at) - 1 AS slot_n
                 FROM fair_slots WHERE fair_id = ${fairId}),
         wanted AS (SELECT r.id AS registration_id, (r.n + d) % ${SCHOOLS} AS school_n,
                           ((r.n / ${SCHOOLS}) + d * 15) % ${SLOTS_PER_SCHOOL} AS slot_n
                      FROM r, generate_series(0, 1) d WHERE r.n < ${BOOKED_TEACHERS})
    INSERT INTO fair_bookings (slot_id, registration_id, starts_at, ends_at)
    SELECT s.id, w.registration_id, s.starts_at, s.ends_at
      FROM wanted w JOIN s ON s.school_n = w.school_n AND s.slot_n = w.slot_n`);
  await db.execute(sql`ANALYZE`);
  const registrations = rowsOf<{ userId: string; booked: boolean }>(
    await db.execute(sql`
      SELECT r.user_id AS "userId", EXISTS (SELECT 1 FROM fair_bookings b WHERE b.registration_id = r.id) AS booked
        FROM fair_registrations r WHERE r.fair_id = ${fairId} ORDER BY r.id`),
  );
  const slots = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM fair_slots ORDER BY id`));
  const schools = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM schools ORDER BY id`)).map((s) => s.id);
  const counts = firstRow(
    rowsOf<{ schools: number; slots: number; teachers: number; bookings: number }>(
      await db.execute(sql`
        SELECT (SELECT count(*) FROM fair_schools)::int AS schools, (SELECT count(*) FROM fair_slots)::int AS slots,
               (SELECT count(*) FROM fair_registrations)::int AS teachers,
               (SELECT count(*) FROM fair_bookings)::int AS bookings`),
    ),
    "the fixture's counts",
  );
  return {
    fairId,
    slots,
    schools,
    booked: registrations.filter((r) => r.booked).map((r) => r.userId),
    fresh: registrations.filter((r) => !r.booked).map((r) => r.userId),
    counts,
  };
}

await main();
