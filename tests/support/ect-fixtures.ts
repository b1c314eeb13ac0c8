import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { firstRow, rowsOf } from "../../db/rows";
import { registerEct, type RegisterInput } from "../../app/programmes/ects.server";
import { addMembership, createUser, valeRegion } from "./factories";
import { programmeContext } from "./programme-fixtures";

/** What the ECT services need to send mail: the programme tests' context, under the name these tests use. */
export const ectContext = programmeContext;

/** An ECT as a tutor would type them: full time, starting this September. */
export const ectInput = (more: Partial<RegisterInput> & { schoolId: string }): RegisterInput => ({
  name: "Eve Early",
  email: "eve@ect.example",
  trn: "1234567",
  inductionStartsOn: "2026-09-01",
  ftePercent: 100,
  appropriateBody: "Vale Teaching School Hub",
  ...more,
});

/**
 * The vale region (tests/support/factories.ts) with ECT programmes: Ivy, induction tutor at Trust A (so at a1 and
 * a2); Ian, induction tutor at b1 only; a second mentor at a1; the partnership's programme with its 2026 cohort of
 * two core sessions and two optional ones of one place each (one overlapping the other), sessions in the future of
 * `now` (1 September 2026).
 */
export async function ectRegion(db: Database) {
  const r = await valeRegion(db);
  const member = async (
    email: string,
    name: string,
    role: Parameters<typeof addMembership>[2],
    place: Parameters<typeof addMembership>[3],
  ) => {
    const user = await createUser(db, { email, name });
    await addMembership(db, user, role, place);
    return user;
  };
  const tutorA = await member("ivy@a.example", "Ivy Tutor", "induction_tutor", { organisation: r.trustA });
  const tutorB = await member("ian@b.example", "Ian Tutor", "induction_tutor", { school: r.b1 });
  const secondMentor = await member("mina@navigation.example", "Mina Mentor", "mentor", { school: r.a1 });
  // Ivy mentors too: the rule must still refuse her as the mentor of an ECT she tutors.
  await addMembership(db, tutorA, "mentor", { school: r.a1 });
  const programme = firstRow(
    rowsOf<{ id: string }>(
      await db.execute(sql`
        INSERT INTO ect_programmes (name, kind, lead_provider, delivery_partner, partnership_id)
        VALUES ('Vale Early Career Programme', 'provider_led', 'Teach First', 'Vale Teaching School Hub', ${r.vale.id})
        RETURNING id`),
    ),
    "a programme",
  );
  const cohort = firstRow(
    rowsOf<{ id: string }>(
      await db.execute(sql`
        INSERT INTO programme_cohorts (programme_id, academic_year, start_term, name)
        VALUES (${programme.id}, 2026, 'autumn', 'September 2026') RETURNING id`),
    ),
    "a cohort",
  );
  const session = async (
    title: string,
    startsAt: string,
    endsAt: string,
    more: { optional?: boolean; capacity?: number } = {},
  ) =>
    firstRow(
      rowsOf<{ id: string }>(
        await db.execute(sql`
          INSERT INTO programme_sessions (cohort_id, title, induction_year, starts_at, ends_at, host_school_id, capacity, optional)
          VALUES (${cohort.id}, ${title}, 1, ${startsAt}, ${endsAt}, ${r.a1.id}, ${more.capacity ?? 30}, ${more.optional ?? false})
          RETURNING id`),
      ),
      "a session",
    );
  const core1 = await session("Behaviour: routines", "2026-10-06T13:00:00Z", "2026-10-06T16:00:00Z");
  const core2 = await session("Pedagogy: explanation", "2027-01-12T13:00:00Z", "2027-01-12T16:00:00Z");
  const breakoutMaths = await session("Maths breakout", "2026-11-10T14:00:00Z", "2026-11-10T16:00:00Z", {
    optional: true,
    capacity: 1,
  });
  const breakoutScience = await session("Science breakout", "2026-11-10T15:00:00Z", "2026-11-10T17:00:00Z", {
    optional: true,
    capacity: 1,
  });
  return { ...r, tutorA, tutorB, secondMentor, programme, cohort, core1, core2, breakoutMaths, breakoutScience };
}

export const SEPTEMBER_2026 = new Date("2026-09-01T08:00:00Z");

/** Registers an ECT whose registration the test needs in place: a refusal here is the set-up failing. */
export async function registered(db: Database, tutor: { id: string; name: string }, input: RegisterInput) {
  const outcome = await registerEct(db, tutor, input, ectContext);
  if (!outcome.ok) throw new Error(outcome.message + JSON.stringify(outcome.fieldErrors));
  return outcome.ectId;
}
