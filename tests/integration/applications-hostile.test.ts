import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { startApplication } from "../../app/applications/applications.server";
import { action as applicationAction } from "../../app/routes/applications.$id";
import { action as employerAction } from "../../app/routes/hr.vacancies.$id.applications.$applicationId";
import { action as pipelineAction } from "../../app/routes/hr.vacancies.$id.applications._index";
import { action as profileAction } from "../../app/routes/profile";
import type { ActionFunctionArgs } from "@remix-run/node";
import { rowsOf } from "../../db/rows";
import { applicationRegion } from "../support/application-fixtures";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import { HOSTILE, tableSnapshot } from "../support/hostile-forms";
import { callRoute, formRequest } from "../support/requests";

/** The shared corpus, and a month that does not exist for the month fields (jobs, gaps). */
const HOSTILE_VALUES = [...HOSTILE, "2024-13"];

const TABLES = [
  "teacher_profiles",
  "profile_qualifications",
  "profile_employment",
  "profile_gap_explanations",
  "profile_referees",
  "equality_monitoring",
  "applications",
  "application_events",
  "application_notes",
  "application_messages",
  "emails",
];

type Form = { intent: string; valid: Record<string, string> };

/** Each form with a valid filling: each field in turn is replaced by each hostile value. */
const profileForms: Form[] = [
  {
    intent: "about",
    valid: { phone: "01632 960 001", qtsStatus: "awarded", trn: "1234567", rightToWork: "yes", interviewSupport: "" },
  },
  { intent: "statement", valid: { personalStatement: "I teach." } },
  { intent: "add-qualification", valid: { title: "PGCE", institution: "Leeds", grade: "", year: "2019" } },
  {
    intent: "add-job",
    valid: { employer: "X", jobTitle: "Teacher", startedOn: "2019-09", endedOn: "2020-07", reasonForLeaving: "" },
  },
  {
    intent: "add-referee",
    valid: {
      name: "Ada",
      jobTitle: "Head",
      organisation: "School",
      email: "ada@example.org",
      phone: "",
      relationship: "Head",
      currentEmployer: "yes",
      contactBeforeInterview: "no",
    },
  },
  { intent: "explain-gap", valid: { gapFrom: "2020-08", gapTo: "2020-10", explanation: "Travelling" } },
  { intent: "equality", valid: { sex: "Female" } },
];

describe("hostile input on the application forms: a 4xx or a clean save, never a 500, nothing written when refused", () => {
  const t = useTestDatabase();

  const snapshot = () => tableSnapshot(t.db, TABLES);

  async function post(
    route: (args: ActionFunctionArgs) => Promise<unknown>,
    path: string,
    fields: Record<string, string>,
    cookie: string,
    params: Record<string, string>,
  ): Promise<Response> {
    return callRoute(route, formRequest(path, fields, cookie), params);
  }

  async function expectSafe(response: Response, before: string, what: string) {
    expect(response.status, what).toBeLessThan(500);
    if (response.status >= 400) expect(await snapshot(), `${what} wrote nothing`).toEqual(before);
    else expect([302, 303], what).toContain(response.status);
  }

  it("the profile's forms", async () => {
    const r = await applicationRegion(t.db);
    const cookie = await sessionCookie(r.tom);
    for (const form of profileForms)
      for (const field of Object.keys(form.valid))
        for (const value of HOSTILE_VALUES) {
          const before = await snapshot();
          const response = await post(
            profileAction,
            "/profile",
            { intent: form.intent, ...form.valid, [field]: value },
            cookie,
            {},
          );
          await expectSafe(response, before, `${form.intent}.${field} = ${JSON.stringify(value.slice(0, 20))}`);
        }
    // Text is kept as typed, never interpreted: the script tag is stored as characters.
    const statements = rowsOf<{ s: string }>(
      await t.db.execute(sql`SELECT personal_statement AS s FROM teacher_profiles WHERE user_id = ${r.tom.id}`),
    );
    expect(statements[0]?.s).not.toContain("\u0000");
  }, 240_000);

  it("the application's and the pipeline's forms", async () => {
    const r = await applicationRegion(t.db);
    const started = await startApplication(t.db, r.tom.id, r.vacancyId);
    if (!started.ok) throw new Error(started.message);
    const id = started.applicationId;
    const tom = await sessionCookie(r.tom);
    const hr = await sessionCookie(r.hrA);
    for (const value of HOSTILE_VALUES) {
      for (const [intent, field] of [
        ["statement", "supportingStatement"],
        ["withdraw", "reason"],
        ["reply", "body"],
        [value, "x"],
      ] as const) {
        const before = await snapshot();
        await expectSafe(
          await post(applicationAction, `/applications/${id}`, { intent, [field]: value }, tom, { id }),
          before,
          `teacher ${intent}`,
        );
      }
      for (const [intent, fields] of [
        ["move", { action: value }],
        ["move", { action: "reject", message: value }],
        ["note", { body: value }],
        ["message", { body: value }],
      ] as const) {
        const before = await snapshot();
        await expectSafe(
          await post(employerAction, `/hr/vacancies/${r.vacancyId}/applications/${id}`, { intent, ...fields }, hr, {
            id: r.vacancyId,
            applicationId: id,
          }),
          before,
          `employer ${intent}`,
        );
      }
      const before = await snapshot();
      await expectSafe(
        await post(
          pipelineAction,
          `/hr/vacancies/${r.vacancyId}/applications`,
          { intent: "bulk", action: "shortlist", applicationId: value },
          hr,
          { id: r.vacancyId },
        ),
        before,
        "bulk",
      );
    }
  }, 240_000);
});
