/**
 * `npm run bench:placements`: a placement season for Greater Manchester's real schools (about 1,300 schools, 2,000
 * offers, 4,000 trainees) and the timings behind its busiest actions: booking a place, searching open offers near a
 * place, and a provider's trainee list; on a PostgreSQL server (BENCH_DATABASE_URL) also booking throughput with 50
 * concurrent clients. Prints its figures; docs/performance.md records them with the machine, its load and the date.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { requestBooking } from "../../app/placements/bookings.server";
import { searchOffers } from "../../app/placements/offers.server";
import { seasonOf } from "../../app/placements/season.server";
import { traineesOf } from "../../app/placements/trainees.server";
import { services } from "../../app/services.server";
import { importSchools } from "../../db/importers/schools";
import { rowsOf, firstRow } from "../../db/rows";
import { enqueueLater } from "../support/jobs";
import { withBenchRuntime } from "./runtime";
import { measure, ms } from "./stats";
import { cycle } from "../support/arrays";

const SCHOOLS_FILE = path.resolve("../shared/data/schools-greater-manchester.csv");
const OFFERS = Number(process.env.BENCH_OFFERS ?? 2_000);
const TRAINEES = Number(process.env.BENCH_TRAINEES ?? 4_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
/** Manchester city centre (M1), where a coordinator's search starts. */
const M1 = { lat: 53.4794, lng: -2.2381, label: "M1" };
const context = { appUrl: "http://localhost:3000", enqueue: enqueueLater };

async function main() {
  if (!existsSync(SCHOOLS_FILE)) {
    console.log(`skipped: ${SCHOOLS_FILE} is missing (the real data lives in ../shared/data)`);
    return;
  }
  await withBenchRuntime("bench_placements", async (engine) => {
    const db = services().connection.db;
    const report = await importSchools(db, SCHOOLS_FILE);
    console.log(`engine: ${engine}; ${report.inserted} schools`);
    const season = await loadSeason(db);
    console.log(`season: ${season.offers} offers, ${season.trainees} trainees, ${season.bookings} bookings made first`);

    const free = rowsOf<{ id: string }>(
      await db.execute(
        sql`SELECT id FROM trainees WHERE id NOT IN (SELECT trainee_id FROM placement_bookings) ORDER BY id`,
      ),
    );
    const offers = rowsOf<{ id: string; startsOn: string }>(
      await db.execute(sql`SELECT id, starts_on::text AS "startsOn" FROM placement_offers ORDER BY id`),
    );
    const actor = { userId: season.coordinatorId, side: "provider" as const };
    let next = 0;
    const book = async () => {
      const trainee = cycle(free, next);
      const offer = cycle(offers, next * 7919);
      next++;
      return requestBooking(
        db,
        actor,
        { traineeId: trainee.id, offerId: offer.id, label: "A", startsOn: offer.startsOn, endsOn: offer.startsOn },
        context,
      );
    };
    const timed = async (name: string, iterations: number, fn: () => Promise<unknown>) => {
      console.log(`measuring: ${name}`);
      return [name, await measure(iterations, fn)] as const;
    };
    const results = [
      await timed(
        "booking a place (request, locked offer, e-mail queued)",
        Math.min(ITERATIONS, free.length - 20),
        book,
      ),
      await timed("offer search: primary offers within 10 miles of M1, nearest first", ITERATIONS, () =>
        searchOffers(db, season.provider, { phase: "primary", miles: 10 }, { from: M1 }),
      ),
      await timed("offer search: every open offer, no filters", ITERATIONS, () =>
        searchOffers(db, season.provider, {}),
      ),
      await timed("provider's trainee list (4,000 trainees)", Math.min(ITERATIONS, 50), () =>
        traineesOf(db, season.provider.id),
      ),
      await timed("partnership season at a glance", Math.min(ITERATIONS, 50), () =>
        seasonOf(db, season.partnershipId, 2026),
      ),
    ];
    for (const [name, r] of results)
      console.log(`${name}: p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)} (n=${r.n})`);

    if (process.env.BENCH_DATABASE_URL) {
      // 50 clients, each booking one trainee after another on random offers, for a fixed number of bookings.
      const clients = 50;
      const perClient = 10;
      const start = performance.now();
      let ok = 0;
      let refused = 0;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          for (let i = 0; i < perClient; i++) {
            if ((await book()).ok) ok++;
            else refused++;
          }
        }),
      );
      const seconds = (performance.now() - start) / 1000;
      console.log(
        `throughput, 50 concurrent clients: ${((clients * perClient) / seconds).toFixed(0)} booking requests/s (${ok} booked, ${refused} refused)`,
      );
    }
    console.log(
      "Figures from a loaded machine are not official: re-record them on a quiet one for docs/performance.md.",
    );
  });
}

/** Every school in one partnership, one provider agreed with all, OFFERS offers and TRAINEES trainees, in SQL. */
async function loadSeason(db: ReturnType<typeof services>["connection"]["db"]) {
  const one = async (q: ReturnType<typeof sql>) =>
    firstRow(rowsOf<{ id: string }>(await db.execute(q)), "a fixture row").id;
  const partnershipId = await one(
    sql`INSERT INTO partnerships (slug, name, region) VALUES ('gm', 'GM', 'North West') RETURNING id`,
  );
  await db.execute(sql`UPDATE schools SET partnership_id = ${partnershipId}`);
  const providerId = await one(sql`
    INSERT INTO organisations (kind, slug, name, partnership_id) VALUES ('itt_provider', 'gm-itt', 'GM ITT', ${partnershipId}) RETURNING id`);
  const coordinatorId = await one(
    sql`INSERT INTO users (email, name, password_hash) VALUES ('itt@gm.example', 'GM ITT', 'x') RETURNING id`,
  );
  await db.execute(sql`
    INSERT INTO memberships (user_id, role, scope_kind, organisation_id) VALUES (${coordinatorId}, 'itt_coordinator', 'organisation', ${providerId})`);
  await db.execute(sql`
    INSERT INTO placement_agreements (provider_id, school_id, academic_year, status, requested_by_side)
    SELECT ${providerId}, id, 2026, 'accepted', 'provider' FROM schools WHERE phase IN ('Primary', 'Secondary')`);
  await db.execute(sql`
    INSERT INTO placement_offers (school_id, academic_year, phase, subjects, starts_on, ends_on, places)
    SELECT s.id, 2026, lower(s.phase),
           CASE WHEN s.phase = 'Secondary' THEN ARRAY[(ARRAY['mathematics','english','science','history'])[1 + g % 4]] ELSE '{}' END,
           (DATE '2026-09-14' + (g % 3) * 119), (DATE '2026-09-14' + (g % 3) * 119 + 60), 1 + g % 4
      FROM generate_series(1, ${OFFERS}) g
      JOIN LATERAL (SELECT id, phase FROM schools WHERE phase IN ('Primary', 'Secondary') ORDER BY urn
                     OFFSET (g * 37) % (SELECT count(*) FROM schools WHERE phase IN ('Primary', 'Secondary')) LIMIT 1) s ON true`);
  await db.execute(sql`
    INSERT INTO trainees (provider_id, name, email, route, subject, phase, programme_starts_on, programme_ends_on, home_lat, home_lng)
    SELECT ${providerId}, 'Trainee ' || g, 'trainee' || g || '@gm.example', 'postgraduate_fee_funded',
           CASE WHEN g % 2 = 0 THEN 'primary' ELSE 'mathematics' END, CASE WHEN g % 2 = 0 THEN 'primary' ELSE 'secondary' END,
           '2026-09-01', '2027-07-16', 53.35 + (g % 40) * 0.008, -2.5 + (g % 50) * 0.012
      FROM generate_series(1, ${TRAINEES}) g`);
  // Half the trainees already hold a place: one booking each on an offer with room, in the offer's first week.
  await db.execute(sql`
    INSERT INTO placement_bookings (trainee_id, offer_id, school_id, provider_id, label, starts_on, ends_on, state)
    SELECT t.id, o.id, o.school_id, ${providerId}, 'A', o.starts_on, o.starts_on + 4, 'provider_confirmed'
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM trainees) t
      JOIN (SELECT id, school_id, starts_on, row_number() OVER (ORDER BY id) AS n FROM placement_offers) o ON o.n = t.n
     WHERE t.n <= ${Math.min(OFFERS, TRAINEES / 2)}`);
  // As autovacuum would after such a load: without statistics the planner guesses six schools, not 1,319.
  await db.execute(sql`ANALYZE`);
  const counts = rowsOf<{ offers: number; trainees: number; bookings: number }>(
    await db.execute(sql`SELECT (SELECT count(*) FROM placement_offers)::int AS offers, (SELECT count(*) FROM trainees)::int AS trainees,
                                (SELECT count(*) FROM placement_bookings)::int AS bookings`),
  )[0];
  return { ...counts, partnershipId, coordinatorId, provider: { id: providerId, partnershipId } };
}

await main();
