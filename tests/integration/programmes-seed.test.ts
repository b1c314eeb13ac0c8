import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { hashPassword } from "../../app/auth/password.server";
import { areaView } from "../../app/programmes/area.server";
import { assignmentsFor } from "../../app/programmes/assignments.server";
import { mentorLoad } from "../../app/mentors/load.server";
import { demoPlacementSeason } from "../../db/seed/placement-season";
import { firstRow, rowsOf } from "../../db/rows";
import { seedDemoRegion } from "../../db/seed/demo";
import { useTestDatabase } from "../support/database";

describe("the demo ECT programme", () => {
  const t = useTestDatabase();
  const one = async <T>(query: ReturnType<typeof sql>) => firstRow(rowsOf<T>(await t.db.execute(query)), "a row");
  const userId = async (email: string) =>
    (await one<{ id: string }>(sql`SELECT id FROM users WHERE email = ${email}`)).id;

  it("has two cohorts, sessions at three hosts and online, twelve ECTs with mentors, registers and assignments", async () => {
    await seedDemoRegion(t.db, { hashPassword });
    const programme = await one<{ kind: string; strands: string[]; cohorts: number[]; facilitators: string[] }>(sql`
      SELECT p.kind::text AS kind,
             (SELECT array_agg(name ORDER BY position) FROM programme_strands WHERE programme_id = p.id) AS strands,
             (SELECT array_agg(academic_year ORDER BY academic_year) FROM programme_cohorts WHERE programme_id = p.id) AS cohorts,
             (SELECT array_agg(u.email) FROM programme_facilitators f JOIN users u ON u.id = f.user_id
               WHERE f.programme_id = p.id) AS facilitators
        FROM ect_programmes p JOIN partnerships pa ON pa.id = p.partnership_id WHERE pa.slug = 'demo-vale'`);
    const year = programme.cohorts[1]!;
    expect(programme).toEqual({
      kind: "provider_led",
      strands: ["Behaviour", "Pedagogy", "Curriculum", "Assessment", "Professional behaviours", "Adaptive teaching"],
      cohorts: [year - 1, year],
      facilitators: ["facilitator@staffroom.example"],
    });
    const sessions = await one<{ hosts: number; online: number; past: number; future: number; optional: number }>(sql`
      SELECT count(DISTINCT host_school_id)::int AS hosts, count(*) FILTER (WHERE online)::int AS online,
             count(*) FILTER (WHERE ends_at < now())::int AS past, count(*) FILTER (WHERE starts_at > now())::int AS future,
             count(*) FILTER (WHERE optional)::int AS optional
        FROM programme_sessions`);
    expect(sessions.hosts).toBe(3);
    expect(sessions.online).toBeGreaterThanOrEqual(2);
    expect(sessions.optional).toBe(2);
    expect(sessions.past).toBeGreaterThan(0);
    expect(sessions.future).toBeGreaterThan(0);

    const ects = await one<{ ects: number; schools: number; mentored: number; marks: number }>(sql`
      SELECT (SELECT count(*) FROM ects)::int AS ects,
             (SELECT count(DISTINCT school_id) FROM ect_school_periods WHERE ends_on IS NULL)::int AS schools,
             (SELECT count(*) FROM ect_mentor_periods)::int AS mentored,
             (SELECT count(*) FROM session_attendance)::int AS marks`);
    expect(ects.ects).toBe(12);
    expect(ects.schools).toBeGreaterThanOrEqual(5);
    expect(ects.mentored).toBeGreaterThan(3);
    expect(ects.marks).toBeGreaterThan(10);

    // The demo ECT has an account and the demo mentor; the induction tutor mentors nobody.
    const eve = await one<{ user: string; mentor: string; cohort: number }>(sql`
      SELECT u.email AS user, mu.email AS mentor, c.academic_year AS cohort
        FROM ects e JOIN users u ON u.id = e.user_id
        JOIN ect_mentor_periods mp ON mp.ect_id = e.id JOIN users mu ON mu.id = mp.mentor_user_id
        JOIN cohort_enrolments ce ON ce.ect_id = e.id JOIN programme_cohorts c ON c.id = ce.cohort_id
       WHERE e.email = 'ect@northbrook.example'`);
    expect(eve).toEqual({ user: "ect@northbrook.example", mentor: "mentor@northbrook.example", cohort: year });
    // The demo mentor mentors the demo ECT alone, so he has room for the placement the journeys confirm in spring.
    const max = await userId("mentor@northbrook.example");
    expect(await mentorLoad(t.db, max, demoPlacementSeason().springB)).toBe(1);
    const tutorMentors = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM ect_mentor_periods mp JOIN users u ON u.id = mp.mentor_user_id
       WHERE u.email = 'induction@northbrook.example'`);
    expect(tutorMentors.n).toBe(0);
    // One ECT moved school: their first period is closed, not overwritten.
    const moved = await one<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM ect_school_periods WHERE ends_on IS NOT NULL`,
    );
    expect(moved.n).toBe(1);
    // Every school with an ECT has standard contact hours.
    const unset = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM ect_school_periods sp
       WHERE sp.ends_on IS NULL AND NOT EXISTS (SELECT 1 FROM school_ect_settings x WHERE x.school_id = sp.school_id)`);
    expect(unset.n).toBe(0);

    // One assignment waits for its host; one is agreed. The tutor sees both, the Riverside HR the agreed one.
    const tutor = await assignmentsFor(t.db, await userId("induction@northbrook.example"));
    expect(tutor.map((a) => [a.ectName, a.status]).sort()).toEqual([
      ["Liam Lowe", "accepted"],
      ["Noor Nasser", "proposed"],
    ]);
    const area = await areaView(t.db, await userId("admin@staffroom.example"), "demo-vale");
    expect(area!.sending.reduce((n, s) => n + s.ects, 0)).toBe(12);
    expect(area!.hosting).toHaveLength(3);
    expect(area!.cohorts.some((c) => c.averageEngagement !== null)).toBe(true);
  });

  it("seeded in August, still has sessions to come and registers taken", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2027-08-10T09:00:00Z") });
    try {
      await seedDemoRegion(t.db, { hashPassword });
    } finally {
      vi.useRealTimers();
    }
    const cohorts = rowsOf<{ year: number }>(
      await t.db.execute(sql`SELECT academic_year AS year FROM programme_cohorts ORDER BY 1`),
    );
    expect(cohorts.map((c) => c.year)).toEqual([2026, 2027]);
    const moment = "2027-08-10T09:00:00Z";
    const split = await one<{ past: number; future: number; marks: number }>(sql`
      SELECT count(*) FILTER (WHERE ends_at < ${moment}::timestamptz)::int AS past,
             count(*) FILTER (WHERE starts_at > ${moment}::timestamptz)::int AS future,
             (SELECT count(*) FROM session_attendance)::int AS marks
        FROM programme_sessions`);
    expect(split.past).toBeGreaterThan(0);
    expect(split.future).toBeGreaterThan(0);
    expect(split.marks).toBeGreaterThan(0);
  });
});
