import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deleteAccount } from "../../app/applications/account-deletion.server";
import { addReferee, saveAbout, saveEquality } from "../../app/applications/profile.server";
import { hashPassword } from "../../app/auth/password.server";
import { action as accountAction, loader as accountLoader } from "../../app/routes/account";
import { loader as dataLoader } from "../../app/routes/account_.data";
import {
  applicationMessages,
  applicationNotes,
  applications,
  jobAlerts,
  memberships,
  savedVacancies,
  sessions,
  teacherProfiles,
  users,
  vacancies,
} from "../../db/schema";
import { applicationIn, referencesRegion, referee, staffroomVacancy } from "../support/application-records";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import { callRoute, formRequest, getRequest } from "../support/requests";

const PASSWORD = "correct horse battery staple";

describe("a person's rights over their data", () => {
  const t = useTestDatabase();

  /** A teacher (with a real password) who has applied: one application in `status`, a profile, a saved job, an alert. */
  async function teacherWith(status: "withdrawn" | "submitted" | "unsuccessful") {
    const r = await referencesRegion(t.db);
    const { teacher, application } = await applicationIn(t.db, r, status);
    await t.db
      .update(users)
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where(eq(users.id, teacher.id));
    await saveAbout(t.db, teacher.id, { phone: "01632 960 001", qtsStatus: "awarded", trn: "7654321" });
    await addReferee(t.db, teacher.id, referee({ name: "Grace Head" }));
    await saveEquality(t.db, teacher.id, { sex: "Female" });
    await t.db.insert(applicationMessages).values({
      applicationId: application.id,
      senderUserId: r.hrA.id,
      fromEmployer: true,
      body: "Could you tell us more about your fieldwork?",
    });
    await t.db
      .insert(applicationNotes)
      .values({ applicationId: application.id, authorUserId: r.hrA.id, body: "HR ONLY: seemed nervous" });
    await t.db.insert(savedVacancies).values({ userId: teacher.id, vacancyId: r.vacancyId });
    await t.db
      .insert(jobAlerts)
      .values({ userId: teacher.id, search: "q=geography", summary: "“geography”", frequency: "daily" });
    return { r, teacher, application, cookie: await sessionCookie(teacher) };
  }

  it("downloads everything about the signed-in person as JSON, without HR's private notes", async () => {
    const { r, teacher, application, cookie } = await teacherWith("submitted");
    // Someone else's application is nobody's business but theirs.
    await applicationIn(t.db, r, "submitted", { name: "Someone Else" });
    const res = await callRoute(dataLoader, getRequest("/account/data", cookie));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="staffroom-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const body = await res.text();
    const data = JSON.parse(body);
    expect(data.account).toMatchObject({ email: teacher.email, name: teacher.name });
    expect(data.profile).toMatchObject({ trn: "7654321", referees: [{ name: "Grace Head" }] });
    expect(data.equalityMonitoring).toEqual({ sex: "Female" });
    expect(data.applications).toHaveLength(1);
    expect(data.applications[0]).toMatchObject({
      id: application.id,
      status: "submitted",
      vacancy: { title: "Teacher of Mathematics", employer: "Trust A" },
      messages: [{ fromEmployer: true, body: "Could you tell us more about your fieldwork?" }],
    });
    expect(data.savedJobs).toMatchObject([{ vacancyId: r.vacancyId }]);
    expect(data.jobAlerts).toMatchObject([{ summary: "“geography”" }]);
    expect(body).not.toContain("HR ONLY");
    expect(body).not.toContain("Someone Else");
    expect(body).not.toContain("password");

    const signedOut = await callRoute(dataLoader, getRequest("/account/data"));
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toMatch(/^\/sign-in/);
  });

  it("refuses deletion, with the reason, while an application is in a hiring step", async () => {
    const { teacher, cookie } = await teacherWith("submitted");
    const page = (await (await callRoute(accountLoader, getRequest("/account", cookie))).json()) as {
      cannotDelete: string | null;
    };
    expect(page.cannotDelete).toContain("You have an application in progress (Teacher of Mathematics)");
    const res = await callRoute(
      accountAction,
      formRequest("/account", { intent: "delete-account", currentPassword: PASSWORD }, cookie),
    );
    expect(res.status).toBe(409);
    expect(JSON.stringify(await res.json())).toContain("Withdraw it from your applications page");
    expect(await t.db.select().from(users).where(eq(users.id, teacher.id))).toHaveLength(1);
  });

  it("refuses staff, and a wrong password, and deletes nothing", async () => {
    const { r, teacher, cookie } = await teacherWith("withdrawn");
    const wrong = await callRoute(
      accountAction,
      formRequest("/account", { intent: "delete-account", currentPassword: "not my password" }, cookie),
    );
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await wrong.json())).toContain("Your password is not right");
    expect(await t.db.select().from(users).where(eq(users.id, teacher.id))).toHaveLength(1);
    expect(await deleteAccount(t.db, r.hrA.id)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("You hold a staff role (HR staff)"),
    });
  });

  it("deletes the account, anonymising its applications as retention does and ending the session", async () => {
    const { r, teacher, application, cookie } = await teacherWith("withdrawn");
    // An unsent draft to another vacancy: nobody else ever saw it, so it simply goes.
    const draft = await t.db
      .insert(applications)
      .values({ vacancyId: await staffroomVacancy(t.db, r), userId: teacher.id, profile: application.profile })
      .returning();
    const res = await callRoute(
      accountAction,
      formRequest("/account", { intent: "delete-account", currentPassword: PASSWORD }, cookie),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/");
    expect(await t.db.select().from(users).where(eq(users.id, teacher.id))).toEqual([]);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, teacher.id))).toEqual([]);
    expect(await t.db.select().from(teacherProfiles).where(eq(teacherProfiles.userId, teacher.id))).toEqual([]);
    expect(await t.db.select().from(savedVacancies)).toEqual([]);
    expect(await t.db.select().from(applications).where(eq(applications.id, draft[0]!.id))).toEqual([]);
    const [kept] = await t.db.select().from(applications).where(eq(applications.id, application.id));
    expect(kept).toMatchObject({ status: "withdrawn", userId: null, supportingStatement: "" });
    expect(kept!.anonymisedAt).not.toBeNull();
    expect(kept!.profile.name).toBe("");
    expect(await t.db.select().from(applicationNotes)).toEqual([]);
  });

  it("deletes a former member of staff whose work stays on the employer's records (migration 0020)", async () => {
    const r = await referencesRegion(t.db);
    await t.db.delete(memberships).where(eq(memberships.userId, r.hrA.id));
    expect(await deleteAccount(t.db, r.hrA.id)).toEqual({ ok: true });
    const [vacancy] = await t.db.select().from(vacancies).where(eq(vacancies.id, r.vacancyId));
    expect(vacancy!.createdBy).toBeNull();
  });
});
