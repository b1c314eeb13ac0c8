import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { startSession } from "../../app/auth/session.server";
import { loadScales } from "../../app/pay/assessment.server";
import { action as editAction, loader as editLoader } from "../../app/routes/hr.vacancies.$id.edit.$step";
import { ensurePayScales } from "../../db/importers/pay-scales";
import { vacancies } from "../../db/schema";
import { useTestDatabase } from "../support/database";
import { callRoute, cookiePair, formRequest, getRequest } from "../support/requests";
import { publishableDraft, twoTrustRegion } from "../support/vacancy-fixtures";
import { firstRow } from "../../db/rows";

const t = useTestDatabase();

/** The newest statutory figure of a point in the rest of England, as the database holds it. */
async function latest(point: string) {
  const figures = (await loadScales(t.db)).filter((f) => f.area === "rest_of_england" && f.point === point);
  return firstRow(
    figures.sort((a, b) => b.year.localeCompare(a.year)),
    `a figure for ${point}`,
  ).annual;
}

describe("pay points fill the salaries", () => {
  it("from the statutory figures of the school's pay area, on the server, keeping a salary HR typed", async () => {
    await ensurePayScales(t.db);
    const r = await twoTrustRegion(t.db);
    const id = await publishableDraft(t.db, r);
    const cookie = cookiePair(await startSession(r.hrA.id, { verified: true }));
    const pay = (fields: Record<string, string>) =>
      callRoute(
        editAction,
        formRequest(
          `/hr/vacancies/${id}/edit/pay`,
          { contractType: "permanent", startKind: "asap", payRange: "main", ...fields },
          cookie,
        ),
        { id, step: "pay" },
      );
    const saved = async () => (await t.db.select().from(vacancies).where(eq(vacancies.id, id)))[0];

    expect((await pay({ payPointFrom: "M1", payPointTo: "M6", salaryMinFte: "", salaryMaxFte: "" })).status).toBe(302);
    expect(await saved()).toMatchObject({
      payPointFrom: "M1",
      payPointTo: "M6",
      salaryMinFte: await latest("M1"),
      salaryMaxFte: await latest("M6"),
    });

    expect((await pay({ payPointFrom: "M2", payPointTo: "M6", salaryMinFte: "36000", salaryMaxFte: "" })).status).toBe(
      302,
    );
    expect(await saved()).toMatchObject({ salaryMinFte: 36000, salaryMaxFte: await latest("M6") });

    // The page has the figures, so the browser can fill them as soon as the points are chosen.
    const page = await callRoute(editLoader, getRequest(`/hr/vacancies/${id}/edit/pay`, cookie), { id, step: "pay" });
    const data = (await page.json()) as { pointSalaries: Record<string, number> };
    expect(data.pointSalaries.M3).toBe(await latest("M3"));
  });
});
