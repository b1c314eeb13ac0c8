import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { remindSavedClosing, savedVacancies } from "../../app/applications/saved-vacancies.server";
import { action, loader } from "../../app/routes/vacancies.$id";
import { rowsOf } from "../../db/rows";
import { applications, savedVacancies as saves, vacancies } from "../../db/schema";
import { applicationIn, staffroomVacancy } from "../support/application-records";
import { useTestDatabase } from "../support/database";
import { createUser, sessionCookie } from "../support/factories";
import { enqueueLater } from "../support/jobs";
import { callRoute, formRequest, getRequest } from "../support/requests";
import { publishableDraft, twoTrustRegion, type TwoTrustRegion } from "../support/vacancy-fixtures";

const context = { appUrl: "http://localhost:3000", enqueue: enqueueLater };

describe("saved jobs", () => {
  const t = useTestDatabase();

  async function titled(r: TwoTrustRegion, title: string, closesAt: Date) {
    const id = await staffroomVacancy(t.db, r, closesAt);
    await t.db.update(vacancies).set({ title }).where(eq(vacancies.id, id));
    return id;
  }

  it("saves and unsaves from the vacancy's page; signed-out people are sent to sign in", async () => {
    const r = await twoTrustRegion(t.db);
    const id = await staffroomVacancy(t.db, r);
    const path = `/vacancies/${id}`;
    const signedOut = await callRoute(action, formRequest(path, { intent: "save" }), { id });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toBe(`/sign-in?redirectTo=${encodeURIComponent(path)}`);

    const teacher = await createUser(t.db);
    const cookie = await sessionCookie(teacher);
    const saved = await callRoute(action, formRequest(path, { intent: "save" }, cookie), { id });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(path);
    // Saving twice (a double click) keeps one.
    await callRoute(action, formRequest(path, { intent: "save" }, cookie), { id });
    expect(await t.db.select().from(saves)).toHaveLength(1);
    const page = (await (await callRoute(loader, getRequest(path, cookie), { id })).json()) as { saved: boolean };
    expect(page.saved).toBe(true);
    const anonymous = (await (await callRoute(loader, getRequest(path), { id })).json()) as { saved: boolean };
    expect(anonymous.saved).toBe(false);

    await callRoute(action, formRequest(path, { intent: "unsave" }, cookie), { id });
    expect(await t.db.select().from(saves)).toEqual([]);

    // A draft cannot be saved (nor seen); an intent that is neither is a 400.
    const draft = await publishableDraft(t.db, r);
    expect(
      (await callRoute(action, formRequest(`/vacancies/${draft}`, { intent: "save" }, cookie), { id: draft })).status,
    ).toBe(404);
    expect((await callRoute(action, formRequest(path, { intent: "status" }, cookie), { id })).status).toBe(400);
    expect(await t.db.select().from(saves)).toEqual([]);
  });

  it("lists the teacher's saved jobs with their own application, open ones first by closing time", async () => {
    const r = await twoTrustRegion(t.db);
    const later = await titled(r, "Later", new Date("2027-03-01T12:00:00Z"));
    const sooner = await titled(r, "Sooner", new Date("2027-02-01T12:00:00Z"));
    const closed = await titled(r, "Closed", new Date("2027-01-01T12:00:00Z"));
    await t.db.update(vacancies).set({ status: "closed", closedAt: new Date() }).where(eq(vacancies.id, closed));
    const { teacher, application } = await applicationIn(t.db, { vacancyId: sooner }, "submitted");
    for (const vacancyId of [later, sooner, closed]) await t.db.insert(saves).values({ userId: teacher.id, vacancyId });
    const other = await createUser(t.db);
    await t.db.insert(saves).values({ userId: other.id, vacancyId: later });
    const list = await savedVacancies(t.db, teacher.id);
    expect(list.map((s) => [s.title, s.applicationId, s.applicationStatus])).toEqual([
      ["Sooner", application.id, "submitted"],
      ["Later", null, null],
      ["Closed", null, null],
    ]);
  });

  it("reminds once, the day before closing in London, unless an application was sent", async () => {
    const r = await twoTrustRegion(t.db);
    // Wednesday 1 July 2026, 8am in London (BST, 07:00 UTC).
    const now = new Date("2026-07-01T07:00:00Z");
    const tomorrow = await titled(r, "Closes tomorrow", new Date("2026-07-02T11:00:00Z"));
    const applied = await titled(r, "Applied already", new Date("2026-07-02T11:00:00Z"));
    const drafted = await titled(r, "Draft only", new Date("2026-07-02T11:00:00Z"));
    // 23:30 UTC on the 2nd is 00:30 on the 3rd in London: two days away, not tomorrow.
    const afterMidnight = await titled(r, "Just after midnight", new Date("2026-07-02T23:30:00Z"));
    const closed = await titled(r, "Closed early", new Date("2026-07-02T11:00:00Z"));
    await t.db.update(vacancies).set({ status: "closed", closedAt: now }).where(eq(vacancies.id, closed));

    const { teacher } = await applicationIn(t.db, { vacancyId: applied }, "submitted");
    await t.db.insert(applications).values({
      vacancyId: drafted,
      userId: teacher.id,
      profile: (await t.db.select().from(applications))[0]!.profile,
    });
    for (const vacancyId of [tomorrow, applied, drafted, afterMidnight, closed])
      await t.db.insert(saves).values({ userId: teacher.id, vacancyId });

    expect(await remindSavedClosing(t.db, context, now)).toBe(2);
    const mails = rowsOf<{ to: string; subject: string; text: string }>(
      await t.db.execute(sql`SELECT "to", subject, text FROM emails ORDER BY subject`),
    );
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      [teacher.email, "Closing soon: Closes tomorrow"],
      [teacher.email, "Closing soon: Draft only"],
    ]);
    expect(mails[0]!.text).toContain(`/vacancies/${tomorrow}`);
    expect(await remindSavedClosing(t.db, context, now)).toBe(0);
    // The next morning the one closing just after midnight is due.
    expect(await remindSavedClosing(t.db, context, new Date("2026-07-02T07:00:00Z"))).toBe(1);
  });
});
