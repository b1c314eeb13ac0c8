import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { startApplication, submitApplication, teacherAct } from "../../app/applications/applications.server";
import {
  addNote,
  employerApplication,
  messageApplicant,
  moveApplications,
  pipeline,
  pipelineVacancy,
  rolesAtMySchools,
} from "../../app/applications/pipeline.server";
import { vacancyFigures } from "../../app/applications/figures.server";
import { closeVacancy } from "../../app/vacancies/lifecycle.server";
import { action as applicationAction, loader as applicationLoader } from "../../app/routes/applications.$id";
import { action as startAction } from "../../app/routes/applications._index";
import { action as profileAction } from "../../app/routes/profile";
import { loader as employerLoader } from "../../app/routes/hr.vacancies.$id.applications.$applicationId";
import { loader as pipelineLoader } from "../../app/routes/hr.vacancies.$id.applications._index";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { documentsFor } from "../../search/documents.server";
import { applicationRegion, type ApplicationRegion } from "../support/application-fixtures";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import { enqueueLater } from "../support/jobs";
import { callRoute, formRequest, getRequest } from "../support/requests";

const context = { appUrl: "http://localhost:3000", enqueue: enqueueLater };

async function sent(db: Executor, r: ApplicationRegion, who: { id: string }) {
  const started = await startApplication(db, who.id, r.vacancyId);
  if (!started.ok) throw new Error(started.message);
  const submitted = await submitApplication(db, who.id, started.applicationId, context);
  if (!submitted.ok) throw new Error(submitted.message);
  return started.applicationId;
}

async function mailsTo(db: Executor, to: string) {
  return rowsOf<{ subject: string; text: string }>(
    await db.execute(sql`SELECT subject, text FROM emails WHERE "to" = ${to} ORDER BY created_at, id`),
  );
}

async function statusOf(db: Executor, id: string) {
  return rowsOf<{ status: string }>(await db.execute(sql`SELECT status::text FROM applications WHERE id = ${id}`))[0]
    ?.status;
}

describe("applying in Staffroom", () => {
  const t = useTestDatabase();

  it("starts one application per teacher per vacancy, even when two starts race", async () => {
    const r = await applicationRegion(t.db);
    const [a, b] = await Promise.all([
      startApplication(t.db, r.amara.id, r.vacancyId),
      startApplication(t.db, r.amara.id, r.vacancyId),
    ]);
    expect(a.ok && b.ok && a.applicationId === b.applicationId).toBe(true);
    const count = rowsOf<{ n: number }>(await t.db.execute(sql`SELECT count(*)::int AS n FROM applications`));
    expect(count).toEqual([{ n: 1 }]);
  });

  it("sends once under a double submit, queues one receipt, and keeps the copy when the profile changes", async () => {
    const r = await applicationRegion(t.db);
    const started = await startApplication(t.db, r.amara.id, r.vacancyId);
    if (!started.ok) throw new Error(started.message);
    const results = await Promise.all([
      submitApplication(t.db, r.amara.id, started.applicationId, context),
      submitApplication(t.db, r.amara.id, started.applicationId, context),
    ]);
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    expect(results.find((x) => !x.ok)).toMatchObject({ status: 409 });
    expect((await mailsTo(t.db, "amara@example.org")).map((m) => m.subject)).toEqual([
      "Your application has been sent: Teacher of Mathematics",
    ]);
    const events = rowsOf<{ n: number }>(await t.db.execute(sql`SELECT count(*)::int AS n FROM application_events`));
    expect(events).toEqual([{ n: 1 }]);
    // Equality answers travel apart from the profile copy.
    const copy = rowsOf<{ profile: Record<string, unknown>; answers: Record<string, string> }>(
      await t.db.execute(
        sql`SELECT a.profile, e.answers FROM applications a JOIN application_equality e ON e.application_id = a.id`,
      ),
    );
    expect(copy[0]?.answers).toEqual({ sex: "Female", ageBand: "25 to 34" });
    expect(JSON.stringify(copy[0]?.profile)).not.toContain("Female");
    await t.db.execute(
      sql`UPDATE teacher_profiles SET personal_statement = 'Changed later' WHERE user_id = ${r.amara.id}`,
    );
    const mine = await callRoute(
      applicationLoader,
      getRequest(`/applications/${started.applicationId}`, await sessionCookie(r.amara)),
      { id: started.applicationId },
    );
    expect(JSON.stringify(await mine.json())).toContain("I teach mathematics with care and rigour.");
  });

  it("refuses an incomplete profile with what is missing, and changes nothing", async () => {
    const r = await applicationRegion(t.db);
    await t.db.execute(sql`DELETE FROM profile_referees WHERE user_id = ${r.tom.id}`);
    const started = await startApplication(t.db, r.tom.id, r.vacancyId);
    if (!started.ok) throw new Error(started.message);
    const outcome = await submitApplication(t.db, r.tom.id, started.applicationId, context);
    expect(outcome).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining("Add at least 2 referees"),
    });
    expect(await statusOf(t.db, started.applicationId)).toBe("draft");
    expect(await mailsTo(t.db, "tom@example.org")).toEqual([]);
  });

  it("refuses a submission at or after the closing moment, on the server's clock", async () => {
    const r = await applicationRegion(t.db);
    const started = await startApplication(t.db, r.amara.id, r.vacancyId);
    if (!started.ok) throw new Error(started.message);
    const closes = rowsOf<{ closesAt: string }>(
      await t.db.execute(sql`SELECT closes_at AS "closesAt" FROM vacancies WHERE id = ${r.vacancyId}`),
    )[0]!;
    const outcome = await submitApplication(
      t.db,
      r.amara.id,
      started.applicationId,
      context,
      new Date(closes.closesAt),
    );
    expect(outcome).toMatchObject({
      ok: false,
      status: 409,
      message: expect.stringMatching(/This vacancy closed on .* applications are no longer taken/),
    });
    expect(await statusOf(t.db, started.applicationId)).toBe("draft");
  });

  it("does not start applications on a vacancy that takes them elsewhere", async () => {
    const r = await applicationRegion(t.db);
    await t.db.execute(sql`UPDATE vacancies SET apply_method = 'external_link' WHERE id = ${r.vacancyId}`);
    expect(await startApplication(t.db, r.amara.id, r.vacancyId)).toMatchObject({ ok: false, status: 400 });
  });
});

describe("who reads applications", () => {
  const t = useTestDatabase();

  it("lets HR of the employer and of each school the role is at read them; another trust's HR get a 404", async () => {
    const r = await applicationRegion(t.db);
    const id = await sent(t.db, r, r.amara);
    expect(await pipelineVacancy(t.db, r.hrA.id, r.vacancyId)).not.toBeNull();
    expect(await pipelineVacancy(t.db, r.hrA2.id, r.vacancyId)).not.toBeNull();
    expect(await pipelineVacancy(t.db, r.hrB.id, r.vacancyId)).toBeNull();
    expect(await pipelineVacancy(t.db, r.amara.id, r.vacancyId)).toBeNull();
    expect(await employerApplication(t.db, r.hrB.id, id)).toBeNull();
    const pipelineAsB = await callRoute(
      pipelineLoader,
      getRequest(`/hr/vacancies/${r.vacancyId}/applications`, await sessionCookie(r.hrB)),
      { id: r.vacancyId },
    ).catch((e: unknown) => e);
    expect((pipelineAsB as Response).status).toBe(404);
    const detailAsB = await callRoute(
      employerLoader,
      getRequest(`/hr/vacancies/${r.vacancyId}/applications/${id}`, await sessionCookie(r.hrB)),
      { id: r.vacancyId, applicationId: id },
    ).catch((e: unknown) => e);
    expect((detailAsB as Response).status).toBe(404);
    // Every read by the employer is logged, with who.
    await callRoute(
      employerLoader,
      getRequest(`/hr/vacancies/${r.vacancyId}/applications/${id}`, await sessionCookie(r.hrA2)),
      { id: r.vacancyId, applicationId: id },
    );
    const views = rowsOf<{ userId: string }>(
      await t.db.execute(sql`SELECT user_id AS "userId" FROM application_views`),
    );
    expect(views).toEqual([{ userId: r.hrA2.id }]);
    // Moving another trust's application refuses the lot.
    expect(await moveApplications(t.db, r.hrB.id, r.vacancyId, [id], "shortlist", context)).toMatchObject({
      status: 404,
    });
    expect(await addNote(t.db, r.hrB.id, id, "Nosy")).toMatchObject({ status: 404 });
    expect(await statusOf(t.db, id)).toBe("submitted");
  });

  it("gives a teacher a 404 for another teacher's application, and ignores a posted status", async () => {
    const r = await applicationRegion(t.db);
    const amaras = await sent(t.db, r, r.amara);
    const tomCookie = await sessionCookie(r.tom);
    const read = await callRoute(applicationLoader, getRequest(`/applications/${amaras}`, tomCookie), {
      id: amaras,
    }).catch((e: unknown) => e);
    expect((read as Response).status).toBe(404);
    const withdraw = await callRoute(
      applicationAction,
      formRequest(`/applications/${amaras}`, { intent: "withdraw" }, tomCookie),
      { id: amaras },
    ).catch((e: unknown) => e);
    expect((withdraw as Response).status).toBe(404);
    const amaraCookie = await sessionCookie(r.amara);
    const forged = await callRoute(
      applicationAction,
      formRequest(`/applications/${amaras}`, { intent: "status", status: "offered" }, amaraCookie),
      { id: amaras },
    ).catch((e: unknown) => e);
    expect((forged as Response).status).toBe(404);
    expect(await statusOf(t.db, amaras)).toBe("submitted");
    const bogus = await callRoute(
      startAction,
      formRequest("/applications", { intent: "start", vacancyId: "not-an-id" }, tomCookie),
      {},
    ).catch((e: unknown) => e);
    expect((bogus as Response).status).toBe(404);
  });

  it("hides who applied until shortlisting where the vacancy says so", async () => {
    const r = await applicationRegion(t.db, { anonymiseUntilShortlisted: true });
    const id = await sent(t.db, r, r.amara);
    const before = await employerApplication(t.db, r.hrA.id, id);
    expect(before?.identityVisible).toBe(false);
    expect(JSON.stringify(before)).not.toContain("Amara");
    expect(JSON.stringify(before)).not.toContain("ada@riverside.example");
    const list = await pipeline(t.db, r.vacancyId, true);
    expect(list.rows[0]?.name).toBeNull();
    await moveApplications(t.db, r.hrA.id, r.vacancyId, [id], "shortlist", context);
    expect((await employerApplication(t.db, r.hrA.id, id))?.profile.name).toBe("Amara Okafor");
  });
});

describe("the pipeline", () => {
  const t = useTestDatabase();

  it("moves applications along the state machine, tells the applicant at each step, and refuses a jump", async () => {
    const r = await applicationRegion(t.db);
    const id = await sent(t.db, r, r.amara);
    expect(await moveApplications(t.db, r.hrA.id, r.vacancyId, [id], "offer", context)).toMatchObject({
      ok: true,
      moved: 0,
      skipped: [expect.objectContaining({ reason: expect.stringContaining("cannot be moved") })],
    });
    for (const action of ["shortlist", "interview", "offer"] as const)
      expect(await moveApplications(t.db, r.hrA2.id, r.vacancyId, [id], action, context)).toMatchObject({
        ok: true,
        moved: 1,
      });
    expect(await teacherAct(t.db, r.amara.id, id, "accept", context)).toMatchObject({ ok: true, to: "accepted" });
    expect((await mailsTo(t.db, "amara@example.org")).map((m) => m.subject)).toEqual([
      "Your application has been sent: Teacher of Mathematics",
      "You have been shortlisted: Teacher of Mathematics",
      "You are invited to interview: Teacher of Mathematics",
      "You have been offered the job: Teacher of Mathematics",
    ]);
    const figures = await vacancyFigures(t.db, r.vacancyId);
    expect(figures.sent).toBe(1);
    expect(figures.hoursToFirstApplication).toBeGreaterThan(47);
    expect(figures.hoursToOffer).toBeGreaterThan(47);
    expect(figures.equality).toBeNull();
  });

  it("rejects in bulk with one message, and messages reach the applicant", async () => {
    const r = await applicationRegion(t.db);
    const a = await sent(t.db, r, r.amara);
    const b = await sent(t.db, r, r.tom);
    const outcome = await moveApplications(
      t.db,
      r.hrA.id,
      r.vacancyId,
      [a, b],
      "reject",
      context,
      "We had 40 strong applications.",
    );
    expect(outcome).toMatchObject({ ok: true, moved: 2 });
    const tom = await mailsTo(t.db, "tom@example.org");
    expect(tom.at(-1)?.text).toContain("We had 40 strong applications.");
    expect(await messageApplicant(t.db, r.hrA.id, a, "Feedback call on Friday?", context)).toEqual({ ok: true });
    expect((await mailsTo(t.db, "amara@example.org")).at(-1)?.subject).toBe(
      "A message about your application: Teacher of Mathematics",
    );
  });

  it("tells everyone still waiting when the vacancy closes filled, in HR's words, but not the one offered", async () => {
    const r = await applicationRegion(t.db);
    const a = await sent(t.db, r, r.amara);
    const b = await sent(t.db, r, r.tom);
    for (const action of ["shortlist", "interview", "offer"] as const)
      await moveApplications(t.db, r.hrA.id, r.vacancyId, [a], action, context);
    const closed = await closeVacancy(
      t.db,
      r.hrA.id,
      r.vacancyId,
      "filled_staffroom",
      "Thank you: the post is filled.",
    );
    expect(closed).toMatchObject({ ok: true });
    expect(await statusOf(t.db, b)).toBe("unsuccessful");
    expect(await statusOf(t.db, a)).toBe("offered");
    expect((await mailsTo(t.db, "tom@example.org")).at(-1)?.text).toContain("Thank you: the post is filled.");
  });

  it("withdraws with a reason, which the employer sees, and the teacher gets a receipt", async () => {
    const r = await applicationRegion(t.db);
    const id = await sent(t.db, r, r.amara);
    expect(await teacherAct(t.db, r.amara.id, id, "withdraw", context, "Accepted another post")).toMatchObject({
      ok: true,
    });
    expect((await employerApplication(t.db, r.hrA.id, id))?.withdrawReason).toBe("Accepted another post");
    expect((await mailsTo(t.db, "amara@example.org")).at(-1)?.subject).toBe(
      "Your application is withdrawn: Teacher of Mathematics",
    );
    expect(await teacherAct(t.db, r.amara.id, id, "withdraw", context)).toMatchObject({ status: 409 });
  });
});

describe("the profile page's forms", () => {
  const t = useTestDatabase();

  it("refuses a job that ends before it starts at the field, with a 400, and saves nothing", async () => {
    const r = await applicationRegion(t.db);
    const cookie = await sessionCookie(r.tom);
    const response = await callRoute(
      profileAction,
      formRequest(
        "/profile",
        { intent: "add-job", employer: "X", jobTitle: "Y", startedOn: "2020-09", endedOn: "2020-01" },
        cookie,
      ),
      {},
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      fieldErrors: { endedOn: ["The month you left must be after the month you started"] },
    });
    const jobs = rowsOf<{ n: number }>(
      await t.db.execute(sql`SELECT count(*)::int AS n FROM profile_employment WHERE user_id = ${r.tom.id}`),
    );
    expect(jobs).toEqual([{ n: 1 }]);
  });

  it("removes only the owner's entries: another teacher's id is a 404", async () => {
    const r = await applicationRegion(t.db);
    const [amarasJob] = rowsOf<{ id: string }>(
      await t.db.execute(sql`SELECT id FROM profile_employment WHERE user_id = ${r.amara.id}`),
    );
    const attempt = await callRoute(
      profileAction,
      formRequest("/profile", { intent: "remove", kind: "job", entryId: amarasJob!.id }, await sessionCookie(r.tom)),
      {},
    ).catch((e: unknown) => e);
    expect((attempt as Response).status).toBe(404);
    const still = rowsOf<{ n: number }>(
      await t.db.execute(sql`SELECT count(*)::int AS n FROM profile_employment WHERE id = ${amarasJob!.id}`),
    );
    expect(still).toEqual([{ n: 1 }]);
  });
});

describe("roles at an HR user's schools", () => {
  const t = useTestDatabase();

  it("lists a role another employer placed at their school, and not the roles they manage", async () => {
    const r = await applicationRegion(t.db);
    await sent(t.db, r, r.amara);
    expect(await rolesAtMySchools(t.db, r.hrA2.id)).toEqual([
      { id: r.vacancyId, title: "Teacher of Mathematics", applications: 1 },
    ]);
    expect(await rolesAtMySchools(t.db, r.hrA.id)).toEqual([]);
    expect(await rolesAtMySchools(t.db, r.hrB.id)).toEqual([]);
  });

  it("leaves out a role the school owns itself, for its own HR and for its trust's", async () => {
    const r = await applicationRegion(t.db);
    await t.db.execute(sql`UPDATE vacancies SET owner_organisation_id = NULL, owner_school_id = ${r.a2.id}
                            WHERE id = ${r.vacancyId}`);
    await sent(t.db, r, r.amara);
    expect(await rolesAtMySchools(t.db, r.hrA2.id)).toEqual([]);
    expect(await rolesAtMySchools(t.db, r.hrA.id)).toEqual([]);
  });
});

describe("applicants' words stay text and stay out of search", () => {
  const t = useTestDatabase();

  it("escapes a name like <script> in the e-mails, and no index holds anything of an application", async () => {
    const r = await applicationRegion(t.db);
    await t.db.execute(sql`UPDATE users SET name = '<script>alert(1)</script>' WHERE id = ${r.amara.id}`);
    const id = await sent(t.db, r, r.amara);
    await moveApplications(t.db, r.hrA.id, r.vacancyId, [id], "reject", context, "<img src=x onerror=alert(2)>");
    const mails = rowsOf<{ html: string }>(
      await t.db.execute(sql`SELECT html FROM emails WHERE "to" = 'amara@example.org'`),
    );
    expect(mails).toHaveLength(2);
    for (const { html } of mails) {
      expect(html).not.toContain("<script>alert(1)");
      expect(html).not.toContain("<img src=x");
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
    // What both search engines index is built by documentsFor, from vacancies alone: nothing an applicant wrote or
    // is called reaches it, even for the vacancy they applied to.
    const [document] = await documentsFor(t.db, [r.vacancyId]);
    expect(document?.title).toBe("Teacher of Mathematics");
    const indexed = JSON.stringify(document);
    for (const personal of ["script", "amara", "care and rigour", "1234567", "ada@riverside.example"])
      expect(indexed.toLowerCase()).not.toContain(personal);
  });
});
