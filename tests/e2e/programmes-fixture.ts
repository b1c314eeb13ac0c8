/**
 * What the programme sessions journey (programmes-sessions.spec.ts) needs before the server starts, beside the demo
 * region: an ECT programme of the demo partnership with a cohort for the academic year under way, and one ECT at a
 * Northbrook Learning Trust school, with Ines Induction as tutor, enrolled in it. Enrolling is the induction tutor's
 * page (the lead's work), so the journey starts from an enrolled ECT. tests/e2e/real-area.ts calls this.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { firstRow, rowsOf } from "../../db/rows";
import { demoPartnership } from "../../db/seed/demo-cast";
import { academicYearOf } from "../../app/vocabulary/academic-years";
import { londonToday } from "../../app/vocabulary/london-time";

export const journeyProgramme = {
  name: "Journey ECT programme",
  ectName: "Esme Journey",
  ectEmail: "esme.journey@ect.example",
  tutorEmail: "induction@northbrook.example",
};

const one = async <T>(db: Executor, query: ReturnType<typeof sql>, what: string) =>
  firstRow(rowsOf<T>(await db.execute(query)), what);

export async function seedProgrammeJourney(db: Executor): Promise<void> {
  const year = academicYearOf(londonToday(new Date()));
  const partnership = await one<{ id: string }>(
    db,
    sql`SELECT id FROM partnerships WHERE slug = ${demoPartnership.slug}`,
    "the demo partnership",
  );
  const school = await one<{ id: string }>(
    db,
    sql`SELECT s.id FROM schools s JOIN organisations o ON o.id = s.trust_id
         WHERE o.slug = 'northbrook-learning-trust' ORDER BY s.urn LIMIT 1`,
    "a Northbrook school",
  );
  const tutor = await one<{ id: string }>(
    db,
    sql`SELECT id FROM users WHERE email = ${journeyProgramme.tutorEmail}`,
    "the demo induction tutor",
  );
  const programme = await one<{ id: string }>(
    db,
    sql`INSERT INTO ect_programmes (name, kind, partnership_id) VALUES (${journeyProgramme.name}, 'school_led', ${partnership.id})
        RETURNING id`,
    "the journey's programme",
  );
  await db.execute(sql`
    INSERT INTO programme_strands (programme_id, name, position) VALUES (${programme.id}, 'Behaviour', 1)`);
  const cohort = await one<{ id: string }>(
    db,
    sql`INSERT INTO programme_cohorts (programme_id, academic_year, start_term, name)
        VALUES (${programme.id}, ${year}, 'autumn', ${`${year}/${String(year + 1).slice(2)} autumn start`}) RETURNING id`,
    "the journey's cohort",
  );
  const ect = await one<{ id: string }>(
    db,
    sql`INSERT INTO ects (name, email, trn, induction_starts_on, appropriate_body)
        VALUES (${journeyProgramme.ectName}, ${journeyProgramme.ectEmail}, '9876543', ${`${year}-09-01`}, 'Demoshire Appropriate Body')
        RETURNING id`,
    "the journey's ECT",
  );
  await db.execute(sql`
    INSERT INTO ect_school_periods (ect_id, school_id, induction_tutor_user_id, starts_on)
    VALUES (${ect.id}, ${school.id}, ${tutor.id}, ${`${year}-09-01`})`);
  await db.execute(sql`INSERT INTO cohort_enrolments (cohort_id, ect_id) VALUES (${cohort.id}, ${ect.id})`);
}
