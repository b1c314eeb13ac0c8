/**
 * Before the e2e server starts (tests/e2e/web-server.ts runs this on the same database, while nothing else
 * has it open): the fictional demo region the other journeys use, plus real Greater Manchester schools and
 * postcodes from ../shared/data with vacancies at known distances from a real Sale postcode, for the search
 * journey. What was made, and how far each vacancy is, goes into DATA_DIR/real-area.json for the tests.
 * Without ../shared/data it seeds the demo region only, and the search journey skips, saying why.
 */
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { loadConfig } from "../../app/config.server";
import { distanceMetres, METRES_PER_MILE } from "../../app/vocabulary/distance";
import { startRuntime, stopRuntime } from "../../app/runtime.server";
import { importPostcodes } from "../../db/importers/postcodes";
import { importSchools } from "../../db/importers/schools";
import { firstRow, rowsOf } from "../../db/rows";
import { services } from "../../app/services.server";
import { isDatabaseEmpty, seedDemoRegion } from "../../db/seed/demo";
import { reindex } from "../../search/reindex.server";
import { reassessOpenVacancies } from "../../app/pay/assessment.server";
import { hashPassword } from "../../app/auth/password.server";
import { seedProgrammeJourney } from "./programmes-fixture";

const SHARED = path.resolve("../shared/data");
const REAL_POSTCODE = "M33 7XW";
export type RealArea = {
  postcode: string;
  radiusMiles: number;
  /** Maths vacancies within the radius, nearest first. */
  mathsWithin: { title: string; miles: number; phase: "secondary" | "primary" }[];
  mathsOutside: string[];
  englishWithin: string[];
};

type School = { id: string; name: string; phase: string; lat: number; lng: number };

async function main() {
  const config = loadConfig(process.env);
  await startRuntime(config, { workers: false, seed: false });
  const db = services().connection.db;
  try {
    if (!(await isDatabaseEmpty(db))) return;
    await seedDemoRegion(db, { hashPassword });
    await seedProgrammeJourney(db);
    await reassessOpenVacancies(db);
    if (!existsSync(path.join(SHARED, "schools-greater-manchester.csv"))) {
      console.log(`[e2e] ${SHARED} is absent: the real-area search journey will be skipped`);
      await reindex(db, services().search);
      return;
    }
    await importSchools(db, path.join(SHARED, "schools-greater-manchester.csv"));
    await importPostcodes(db, path.join(SHARED, "postcodes-greater-manchester.csv"));
    const here = firstRow(
      rowsOf<{ lat: number; lng: number }>(
        await db.execute(sql`SELECT lat, lng FROM places WHERE key = ${REAL_POSTCODE}`),
      ),
      `the place ${REAL_POSTCODE}`,
    );
    const schools = rowsOf<School>(
      await db.execute(
        sql`SELECT id, name, phase, lat, lng FROM schools WHERE la_code BETWEEN '350' AND '359' AND lat IS NOT NULL ORDER BY urn`,
      ),
    )
      .map((s) => ({ ...s, miles: distanceMetres(here, s) / METRES_PER_MILE }))
      .sort((a, b) => a.miles - b.miles);
    // Well inside or well outside five miles: no result hangs on rounding at the edge.
    const near = (phase: string) => schools.filter((s) => s.phase === phase && s.miles <= 4.8);
    const secondaries = near("Secondary").slice(0, 18);
    const primaries = near("Primary").slice(0, 7);
    const far = schools.filter((s) => s.phase === "Secondary" && s.miles >= 5.3 && s.miles <= 15).slice(0, 5);
    const plan = [
      ...secondaries.map((s) => ({
        s,
        title: `Teacher of Mathematics, ${s.name}`,
        phase: "secondary",
        subject: "mathematics",
      })),
      ...primaries.map((s) => ({
        s,
        title: `Primary maths lead, ${s.name}`,
        phase: "primary",
        subject: "mathematics",
      })),
      ...far.map((s) => ({
        s,
        title: `Teacher of Mathematics, ${s.name}`,
        phase: "secondary",
        subject: "mathematics",
      })),
      ...secondaries
        .slice(0, 5)
        .map((s) => ({ s, title: `Teacher of English, ${s.name}`, phase: "secondary", subject: "english" })),
    ];
    for (const [i, p] of plan.entries()) {
      const v = firstRow(
        rowsOf<{ id: string }>(
          await db.execute(sql`
          INSERT INTO vacancies (owner_school_id, status, title, role, phases, subjects, pay_range, salary_min_fte, salary_max_fte,
                                 about_role, apply_method, apply_url, published_at, closes_at)
          VALUES (${p.s.id}, 'published', ${p.title}, 'classroom_teacher', ${`{${p.phase}}`}::text[], ${`{${p.subject}}`}::text[], 'main',
                  32916, 45352, 'A vacancy made for the end-to-end search journey.', 'external_link', 'https://example.org/apply',
                  now() - make_interval(mins => ${i}), now() + interval '30 days')
          RETURNING id`),
        ),
        "the row inserted into vacancies",
      );
      await db.execute(sql`INSERT INTO vacancy_schools (vacancy_id, school_id) VALUES (${v.id}, ${p.s.id})`);
    }
    await reassessOpenVacancies(db);
    await reindex(db, services().search);
    const area: RealArea = {
      postcode: REAL_POSTCODE,
      radiusMiles: 5,
      mathsWithin: [
        ...secondaries.map((s) => ({ s, phase: "secondary" as const, title: `Teacher of Mathematics, ${s.name}` })),
        ...primaries.map((s) => ({ s, phase: "primary" as const, title: `Primary maths lead, ${s.name}` })),
      ]
        .sort((a, b) => a.s.miles - b.s.miles)
        .map((x) => ({ title: x.title, miles: x.s.miles, phase: x.phase })),
      mathsOutside: far.map((s) => `Teacher of Mathematics, ${s.name}`),
      englishWithin: secondaries.slice(0, 5).map((s) => `Teacher of English, ${s.name}`),
    };
    writeFileSync(path.join(config.dataDir, "real-area.json"), JSON.stringify(area, null, 2));
    console.log(`[e2e] real area: ${plan.length} vacancies around ${REAL_POSTCODE}`);
  } finally {
    await stopRuntime();
  }
}

await main();
