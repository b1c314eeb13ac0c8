import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { postableSchools, postingContexts } from "../../app/vacancies/access.server";
import { hrDashboard } from "../../app/vacancies/dashboard.server";
import { applyDueTransitions } from "../../app/vacancies/scheduler.server";
import { closeVacancy, extendVacancy, publishVacancy } from "../../app/vacancies/lifecycle.server";
import { copyVacancy, createDraft, setLocation, updateVacancy } from "../../app/vacancies/editing.server";
import { findManagedVacancy } from "../../app/vacancies/records.server";
import { vacancyHistory } from "../../app/vacancies/audit.server";
import { vacancies, vacancyEvents } from "../../db/schema";
import { useTestDatabase } from "../support/database";
import { publishableDraft, schoolElsewhere, twoTrustRegion, type TwoTrustRegion } from "../support/vacancy-fixtures";
import { firstRow } from "../../db/rows";

const HOUR = 3600_000;

describe("vacancies", () => {
  const t = useTestDatabase();

  const region = () => twoTrustRegion(t.db);
  const publishable = (r: TwoTrustRegion, overrides: Record<string, unknown> = {}) =>
    publishableDraft(t.db, r, overrides);

  it("HR post from their trust and place roles at its schools; another trust's school only takes a share", async () => {
    const r = await region();
    expect(await postingContexts(t.db, r.hrA.id)).toEqual([{ kind: "organisation", id: r.trustA.id, name: "Trust A" }]);
    expect((await postableSchools(t.db, r.hrA.id)).map((s) => s.name)).toEqual([
      "Navigation Primary",
      "St John Vianney",
    ]);
    const id = await publishable(r);
    // A role wholly at another employer's school is that employer's to post (roles shared across employers: ADR 0022).
    expect(
      await setLocation(t.db, r.hrA.id, id, {
        fte: 1000,
        workingPattern: "full_time",
        schools: [{ schoolId: r.b1.id, share: null }],
      }),
    ).toEqual({ refused: expect.stringContaining("A role at one school is posted by that school's employer") });
    // Another partnership's school is never allowed.
    const foreign = await schoolElsewhere(t.db);
    expect(
      await setLocation(t.db, r.hrA.id, id, {
        fte: 1000,
        workingPattern: "full_time",
        schools: [
          { schoolId: r.a1.id, share: 600 },
          { schoolId: foreign.id, share: 400 },
        ],
      }),
    ).toBe("school-not-allowed");
    const v = await findManagedVacancy(t.db, r.hrA.id, id);
    expect(v?.schools.map((s) => [s.name, s.fteShare])).toEqual([
      ["Navigation Primary", 600],
      ["St John Vianney", 400],
    ]);
  });

  it("another trust's HR cannot see, edit, publish, close, extend or copy the vacancy", async () => {
    const r = await region();
    const id = await publishable(r);
    expect(await findManagedVacancy(t.db, r.hrB.id, id)).toBeNull();
    expect(await updateVacancy(t.db, r.hrB.id, id, { title: "Hijacked" })).toBe("not-found");
    expect(
      await setLocation(t.db, r.hrB.id, id, {
        fte: 1000,
        workingPattern: "full_time",
        schools: [{ schoolId: r.b1.id, share: null }],
      }),
    ).toBe("not-found");
    expect(await publishVacancy(t.db, r.hrB.id, id)).toEqual({ ok: false, reason: "not-found" });
    expect(await closeVacancy(t.db, r.hrB.id, id, "withdrawn")).toEqual({ ok: false, reason: "not-found" });
    expect(await extendVacancy(t.db, r.hrB.id, id, new Date(Date.now() + 60 * 24 * HOUR), "x y z")).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(await copyVacancy(t.db, r.hrB.id, id)).toBeNull();
    expect(await vacancyHistory(t.db, r.hrB.id, id)).toEqual([]);
    expect((await hrDashboard(t.db, r.hrB.id, { page: 1, pageSize: 25 })).total).toBe(0);
    const v = firstRow(await t.db.select().from(vacancies).where(eq(vacancies.id, id)), "a row from vacancies");
    expect(v.title).toBe("Teacher of Mathematics");
    expect(v.status).toBe("draft");
  });

  it("publishing needs everything a teacher needs to apply; then it goes live", async () => {
    const r = await region();
    const bare = await createDraft(t.db, r.hrA.id, r.ownerA, { title: "Teacher", role: "classroom_teacher" });
    const refused = await publishVacancy(t.db, r.hrA.id, bare);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reason === "refused" && refused.message).toContain(
      "Choose the school or schools the role is at",
    );
    const id = await publishable(r);
    expect(await publishVacancy(t.db, r.hrA.id, id)).toEqual({ ok: true, status: "published" });
    const v = firstRow(await t.db.select().from(vacancies).where(eq(vacancies.id, id)), "a row from vacancies");
    expect(v.publishedAt).toBeInstanceOf(Date);
  });

  it("the scheduler publishes a scheduled vacancy when its time comes and closes it at its closing moment", async () => {
    const r = await region();
    const now = Date.now();
    const id = await publishable(r, { publishAt: new Date(now + HOUR), closesAt: new Date(now + 48 * HOUR) });
    expect(await publishVacancy(t.db, r.hrA.id, id)).toEqual({ ok: true, status: "scheduled" });
    expect(await applyDueTransitions(t.db, new Date(now + 30 * 60_000))).toEqual({ published: 0, closed: 0 });
    expect(await applyDueTransitions(t.db, new Date(now + HOUR + 1000))).toEqual({ published: 1, closed: 0 });
    expect(await applyDueTransitions(t.db, new Date(now + HOUR + 2000))).toEqual({ published: 0, closed: 0 });
    expect(await applyDueTransitions(t.db, new Date(now + 48 * HOUR))).toEqual({ published: 0, closed: 1 });
    const v = firstRow(await t.db.select().from(vacancies).where(eq(vacancies.id, id)), "a row from vacancies");
    expect(v.status).toBe("closed");
    expect(v.closedReason).toBe("expired");
    const events = await t.db.select().from(vacancyEvents).where(eq(vacancyEvents.vacancyId, id));
    expect(
      events
        .filter((e) => e.userId === null)
        .map((e) => e.action)
        .sort(),
    ).toEqual(["closed", "published"]);
  });

  it("an expired vacancy can be extended with a reason and reopens; a filled one cannot", async () => {
    const r = await region();
    const id = await publishable(r);
    await publishVacancy(t.db, r.hrA.id, id);
    await t.db
      .update(vacancies)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(vacancies.id, id));
    await applyDueTransitions(t.db);
    const later = new Date(Date.now() + 30 * 24 * HOUR);
    expect(await extendVacancy(t.db, r.hrA.id, id, later, "No suitable applicants yet")).toEqual({
      ok: true,
      status: "published",
    });
    expect(await closeVacancy(t.db, r.hrA.id, id, "filled_elsewhere")).toEqual({ ok: true, status: "closed" });
    const again = await extendVacancy(t.db, r.hrA.id, id, new Date(Date.now() + 60 * 24 * HOUR), "try again");
    expect(again.ok).toBe(false);
  });

  it("keeps an audit log of every change to a published vacancy: who, when, what", async () => {
    const r = await region();
    const id = await publishable(r);
    await publishVacancy(t.db, r.hrA.id, id);
    await updateVacancy(t.db, r.hrA.id, id, { title: "Teacher of Maths (KS3/4)", salaryMaxFte: 47000 });
    const history = await vacancyHistory(t.db, r.hrA.id, id);
    const edit = history.find((h) => h.action === "edited");
    expect(edit?.who).toBe("hr@a.example");
    expect(edit?.changes).toEqual({
      title: { from: "Teacher of Mathematics", to: "Teacher of Maths (KS3/4)" },
      salaryMaxFte: { from: 45352, to: 47000 },
    });
    expect(history.map((h) => h.action)).toEqual(
      expect.arrayContaining(["created", "draft saved", "published", "edited"]),
    );
  });

  it("copies a vacancy as a fresh draft with the same schools", async () => {
    const r = await region();
    const id = await publishable(r);
    await publishVacancy(t.db, r.hrA.id, id);
    const copyId = await copyVacancy(t.db, r.hrA.id, id);
    const copy = await findManagedVacancy(t.db, r.hrA.id, copyId!);
    expect(copy).toMatchObject({
      title: "Teacher of Mathematics (copy)",
      status: "draft",
      closesAt: null,
      publishedAt: null,
    });
    expect(copy?.schools.map((s) => s.fteShare)).toEqual([600, 400]);
  });

  it("the dashboard filters by state and school and counts by state", async () => {
    const r = await region();
    const live = await publishable(r);
    await publishVacancy(t.db, r.hrA.id, live);
    await publishable(r, { title: "Draft role" });
    const all = await hrDashboard(t.db, r.hrA.id, { page: 1, pageSize: 25 });
    expect(all.total).toBe(2);
    expect(all.counts).toEqual({ draft: 1, published: 1 });
    const drafts = await hrDashboard(t.db, r.hrA.id, { status: "draft", page: 1, pageSize: 25 });
    expect(drafts.rows.map((d) => d.title)).toEqual(["Draft role"]);
    expect(drafts.rows[0]?.schoolNames).toEqual(["Navigation Primary", "St John Vianney"]);
    // The counts are of every state, whichever is shown; a page past the end still has them.
    expect({ total: drafts.total, counts: drafts.counts }).toEqual({ total: 1, counts: { draft: 1, published: 1 } });
    expect(await hrDashboard(t.db, r.hrA.id, { page: 4, pageSize: 1 })).toEqual({
      rows: [],
      total: 2,
      counts: { draft: 1, published: 1 },
    });
    const atB = await hrDashboard(t.db, r.hrA.id, { schoolId: r.b1.id, page: 1, pageSize: 25 });
    expect(atB.total).toBe(0);
  });
});
