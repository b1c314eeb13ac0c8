import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as recordAction, loader as recordLoader } from "../../app/routes/ects.$id";
import { action as ectsAction, loader as ectsLoader } from "../../app/routes/ects._index";
import { action as inductionAction, loader as inductionLoader } from "../../app/routes/induction";
import { loader as menteesLoader } from "../../app/routes/mentees";
import { rowsOf } from "../../db/rows";
import { useTestDatabase } from "../support/database";
import { ectInput, ectRegion, registered } from "../support/ect-fixtures";
import { createUser, sessionCookie } from "../support/factories";
import { callRoute, formRequest, getRequest } from "../support/requests";

const count = async (db: ReturnType<typeof useTestDatabase>["db"], table: string) =>
  rowsOf<{ n: number }>(await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]?.n;

describe("ECT pages: who reaches what, and bad input", () => {
  const t = useTestDatabase();

  it("the tutor's pages answer tutors only; another school's ECT is a 404, and a mentor reads but cannot change", async () => {
    const r = await ectRegion(t.db);
    const ectId = await registered(t.db, r.tutorA, ectInput({ schoolId: r.a1.id }));
    await t.db.execute(sql`
      INSERT INTO ect_mentor_periods (ect_id, school_id, mentor_user_id, starts_on) VALUES (${ectId}, ${r.a1.id}, ${r.mentor.id}, '2026-09-01')`);
    const ivy = await sessionCookie(r.tutorA);
    const ian = await sessionCookie(r.tutorB);
    const hr = await sessionCookie(r.hrA);
    const mentor = await sessionCookie(r.mentor);
    expect((await callRoute(ectsLoader, getRequest("/ects", ivy))).status).toBe(200);
    expect((await callRoute(ectsLoader, getRequest("/ects", hr))).status).toBe(404);
    expect((await callRoute(recordLoader, getRequest(`/ects/${ectId}`, ivy), { id: ectId })).status).toBe(200);
    for (const cookie of [ian, hr])
      expect((await callRoute(recordLoader, getRequest(`/ects/${ectId}`, cookie), { id: ectId })).status).toBe(404);
    expect((await callRoute(recordLoader, getRequest(`/ects/nope`, ivy), { id: "nope" })).status).toBe(404);
    expect((await callRoute(recordLoader, getRequest(`/ects/${ectId}`, mentor), { id: ectId })).status).toBe(200);
    const mentorPost = await callRoute(
      recordAction,
      formRequest(`/ects/${ectId}`, { intent: "leave", leavesOn: "2026-12-01" }, mentor),
      { id: ectId },
    );
    expect(mentorPost.status).toBe(404);
    const mentees = await callRoute(menteesLoader, getRequest("/mentees", mentor));
    expect(JSON.stringify(await mentees.json())).toContain("Eve Early");
  });

  it("bad registrations are 400s with errors at the fields, and write nothing", async () => {
    const r = await ectRegion(t.db);
    const ivy = await sessionCookie(r.tutorA);
    const response = await callRoute(
      ectsAction,
      formRequest(
        "/ects",
        {
          intent: "register",
          schoolId: r.a1.id,
          name: "Eve",
          email: "eve@",
          trn: "12345678",
          inductionStartsOn: "2026-13-01",
          ftePercent: "0",
          appropriateBody: "Hub",
        },
        ivy,
      ),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["email", "ftePercent", "inductionStartsOn", "trn"]);
    expect(await count(t.db, "ects")).toBe(0);
    // A school the tutor does not tutor for is not found, whatever the form says.
    const foreign = await callRoute(
      ectsAction,
      formRequest("/ects", { intent: "register", ...stringify(ectInput({ schoolId: r.foreign.id })) }, ivy),
    );
    expect(foreign.status).toBe(404);
    const ok = await callRoute(
      ectsAction,
      formRequest("/ects", { intent: "register", ...stringify(ectInput({ schoolId: r.a1.id })) }, ivy),
    );
    expect(ok.status).toBe(302);
    expect(await count(t.db, "ects")).toBe(1);
    const hours = await callRoute(
      ectsAction,
      formRequest("/ects", { intent: "contact-hours", schoolId: r.a1.id, weeklyContactHours: "90" }, ivy),
    );
    expect(hours.status).toBe(400);
  });

  it("the mentor field refuses the tutor, an unknown intent is a 404, and the ECT's own page is theirs alone", async () => {
    const r = await ectRegion(t.db);
    const ectId = await registered(t.db, r.tutorA, ectInput({ schoolId: r.a1.id }));
    const ivy = await sessionCookie(r.tutorA);
    const refused = await callRoute(
      recordAction,
      formRequest(`/ects/${ectId}`, { intent: "mentor", mentorUserId: r.tutorA.id, startsOn: "2026-09-01" }, ivy),
      { id: ectId },
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("different people");
    expect(await count(t.db, "ect_mentor_periods")).toBe(0);
    const unknown = await callRoute(recordAction, formRequest(`/ects/${ectId}`, { intent: "delete" }, ivy), {
      id: ectId,
    });
    expect(unknown.status).toBe(404);

    const eve = await createUser(t.db, { email: "eve@ect.example", name: "Eve Early" });
    await t.db.execute(sql`UPDATE ects SET user_id = ${eve.id} WHERE id = ${ectId}`);
    expect((await callRoute(inductionLoader, getRequest("/induction", await sessionCookie(eve)))).status).toBe(200);
    expect((await callRoute(inductionLoader, getRequest("/induction", ivy))).status).toBe(404);
    const badChoice = await callRoute(
      inductionAction,
      formRequest("/induction", { intent: "book", sessionId: r.core1.id }, await sessionCookie(eve)),
    );
    // Not enrolled in the cohort: the session is not one of theirs.
    expect(badChoice.status).toBe(404);
  });
});

function stringify(input: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, String(v)]));
}
