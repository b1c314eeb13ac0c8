import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { startSession } from "../../app/auth/session.server";
import { action as editAction } from "../../app/routes/hr.vacancies.$id.edit.$step";
import { action as reviewAction } from "../../app/routes/hr.vacancies.$id._index";
import { action as newAction } from "../../app/routes/hr.vacancies.new";
import { rowsOf } from "../../db/rows";
import { useTestDatabase } from "../support/database";
import { callRoute, cookiePair, formRequest } from "../support/requests";
import { publishableDraft, twoTrustRegion } from "../support/vacancy-fixtures";

const HOSTILE = [
  "a".repeat(20_000),
  "<script>alert(1)</script>",
  "' OR 1=1; DROP TABLE vacancies; --",
  "\u0000",
  "🙂".repeat(300),
  "",
];

describe("vacancy forms refuse hostile input: 4xx with a message, never a 500, nothing written", () => {
  const t = useTestDatabase();

  async function snapshot() {
    return rowsOf<{ v: string; e: number; s: number }>(
      await t.db
        .execute(sql`SELECT coalesce(string_agg(v.title || v.status || coalesce(v.salary_min_fte::text, ''), ',' ORDER BY v.id), '') AS v,
        (SELECT count(*)::int FROM vacancy_events) AS e, (SELECT count(*)::int FROM vacancy_schools) AS s FROM vacancies v`),
    )[0];
  }

  it("on every step, on publish, close and extend, and from another trust", async () => {
    const r = await twoTrustRegion(t.db);
    const id = await publishableDraft(t.db, r);
    const cookie = cookiePair(await startSession(r.hrA.id, { verified: true }));
    const before = await snapshot();
    for (const value of HOSTILE) {
      const responses = [
        await callRoute(
          newAction,
          formRequest("/hr/vacancies/new", { title: value, role: value, phases: value }, cookie),
        ),
        await callRoute(
          editAction,
          formRequest(
            `/hr/vacancies/${id}/edit/role`,
            { title: value, role: "classroom_teacher", phases: value },
            cookie,
          ),
          { id, step: "role" },
        ),
        await callRoute(
          editAction,
          formRequest(
            `/hr/vacancies/${id}/edit/where`,
            {
              locationKind: "split",
              school: value,
              [`share.${value}`]: value,
              workingPattern: "full_time",
              fte: value,
            },
            cookie,
          ),
          { id, step: "where" },
        ),
        await callRoute(
          editAction,
          formRequest(
            `/hr/vacancies/${id}/edit/pay`,
            {
              contractType: "permanent",
              startKind: "asap",
              payRange: "main",
              salaryMinFte: value,
              salaryMaxFte: value,
            },
            cookie,
          ),
          { id, step: "pay" },
        ),
        await callRoute(
          editAction,
          formRequest(
            `/hr/vacancies/${id}/edit/advert`,
            { aboutRole: value.length > 10_000 ? value : `${value}\u0007` },
            cookie,
          ),
          { id, step: "advert" },
        ),
        await callRoute(
          editAction,
          formRequest(
            `/hr/vacancies/${id}/edit/apply`,
            {
              applyMethod: "external_link",
              applyUrl: value || "javascript:alert(1)",
              publishOn: "now",
              closesAt: value,
            },
            cookie,
          ),
          { id, step: "apply" },
        ),
        await callRoute(reviewAction, formRequest(`/hr/vacancies/${id}`, { intent: "close", reason: value }, cookie), {
          id,
        }),
        await callRoute(
          reviewAction,
          formRequest(`/hr/vacancies/${id}`, { intent: "extend", closesAt: value, note: value }, cookie),
          { id },
        ),
      ];
      for (const response of responses) {
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(await response.text()).toMatch(/error|Choose|Enter/i);
      }
    }
    // Someone else's vacancy, or no vacancy at all, is a 404 whatever the input.
    const otherCookie = cookiePair(await startSession(r.hrB.id, { verified: true }));
    for (const target of [id, "not-a-uuid", "' OR 1=1 --"]) {
      const res = await callRoute(
        editAction,
        formRequest(
          `/hr/vacancies/${target}/edit/role`,
          { title: "Hijack", role: "classroom_teacher", phases: "secondary" },
          otherCookie,
        ),
        { id: target, step: "role" },
      );
      expect(res.status).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("impossible dates on the pay and apply steps and on extend are field errors, not 500s", async () => {
    const r = await twoTrustRegion(t.db);
    const id = await publishableDraft(t.db, r);
    const cookie = cookiePair(await startSession(r.hrA.id, { verified: true }));
    const before = await snapshot();
    for (const date of ["2027-02-30", "0000-00-00", "2027-13-01", "0001-01-01", "9999-12-31"]) {
      const pay = await callRoute(
        editAction,
        formRequest(
          `/hr/vacancies/${id}/edit/pay`,
          {
            contractType: "permanent",
            startKind: "range",
            startDate: date,
            startDateTo: date,
            payRange: "main",
            salaryMinFte: "32916",
            salaryMaxFte: "45352",
          },
          cookie,
        ),
        { id, step: "pay" },
      );
      expect(pay.status, date).toBe(400);
      expect(await pay.text()).toContain("Enter a real date");
      const apply = await callRoute(
        editAction,
        formRequest(
          `/hr/vacancies/${id}/edit/apply`,
          {
            applyMethod: "external_link",
            applyUrl: "https://example.org",
            publishOn: "later",
            publishAt: `${date}T09:00`,
            closesAt: `${date}T12:00`,
          },
          cookie,
        ),
        { id, step: "apply" },
      );
      expect(apply.status, date).toBe(400);
      const extend = await callRoute(
        reviewAction,
        formRequest(`/hr/vacancies/${id}`, { intent: "extend", closesAt: `${date}T12:00`, note: "Half term" }, cookie),
        { id },
      );
      expect(extend.status, date).toBeGreaterThanOrEqual(400);
      expect(extend.status, date).toBeLessThan(500);
    }
    expect(await snapshot()).toEqual(before);
  });
});
