import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loader as feedLoader } from "../../app/routes/api.v1.vacancies";
import { loader as robotsLoader } from "../../app/routes/robots[.]txt";
import { loader as sitemapLoader } from "../../app/routes/sitemap[.]xml";
import { loader as vacancyLoader } from "../../app/routes/vacancies.$id";
import { archiveVacancy, closeVacancy, publishVacancy } from "../../app/vacancies/lifecycle.server";
import { setLocation, updateVacancy } from "../../app/vacancies/editing.server";
import {
  findPublicVacancy,
  liveVacanciesAtSchool,
  liveVacanciesForOrganisation,
  vacancyFeed,
} from "../../app/vacancies/public.server";
import { rowsOf } from "../../db/rows";
import { vacancies } from "../../db/schema";
import { useTestDatabase } from "../support/database";
import { callRoute, getRequest } from "../support/requests";
import { publishableDraft, twoTrustRegion } from "../support/vacancy-fixtures";
import { exactly } from "../support/arrays";

describe("public vacancies", () => {
  const t = useTestDatabase();

  it("a shared role is listed at both of its schools and for its trust, with each school's share", async () => {
    const r = await twoTrustRegion(t.db);
    const id = await publishableDraft(t.db, r);
    await publishVacancy(t.db, r.hrA.id, id);
    const atA1 = await liveVacanciesAtSchool(t.db, r.a1.id);
    const atA2 = await liveVacanciesAtSchool(t.db, r.a2.id);
    expect(atA1.map((v) => [v.title, v.fteShare])).toEqual([["Teacher of Mathematics", "0.600"]]);
    expect(atA2.map((v) => [v.title, v.fteShare])).toEqual([["Teacher of Mathematics", "0.400"]]);
    expect(atA1[0]?.schoolNames).toEqual(["Navigation Primary", "St John Vianney"]);
    expect(await liveVacanciesAtSchool(t.db, r.b1.id)).toEqual([]);
    expect((await liveVacanciesForOrganisation(t.db, r.trustA.id)).map((v) => v.id)).toEqual([id]);
    expect(await liveVacanciesForOrganisation(t.db, r.trustB.id)).toEqual([]);
  });

  it("drafts are not public; closed vacancies stay readable and say so; archived ones are gone", async () => {
    const r = await twoTrustRegion(t.db);
    const id = await publishableDraft(t.db, r);
    expect(await findPublicVacancy(t.db, id)).toBeNull();
    expect((await callRoute(vacancyLoader, getRequest(`/vacancies/${id}`), { id })).status).toBe(404);
    await publishVacancy(t.db, r.hrA.id, id);
    expect((await findPublicVacancy(t.db, id))?.isOpen).toBe(true);
    await closeVacancy(t.db, r.hrA.id, id, "filled_elsewhere");
    const closed = await findPublicVacancy(t.db, id);
    expect(closed?.isOpen).toBe(false);
    expect(closed?.closedReason).toBe("filled_elsewhere");
    const page = await callRoute(vacancyLoader, getRequest(`/vacancies/${id}`), { id });
    expect(page.status).toBe(200);
    expect((await page.json()).jsonLd).toBeNull();
    expect(await liveVacanciesAtSchool(t.db, r.a1.id)).toEqual([]);
    await archiveVacancy(t.db, r.hrA.id, id);
    expect(await findPublicVacancy(t.db, id)).toBeNull();
  });

  it("the page carries JobPosting JSON-LD with numeric pay, and distances from a place when asked", async () => {
    const r = await twoTrustRegion(t.db);
    const id = await publishableDraft(t.db, r);
    await publishVacancy(t.db, r.hrA.id, id);
    const response = await callRoute(vacancyLoader, getRequest(`/vacancies/${id}?from=nowhere-at-all`), { id });
    const data = await response.json();
    const ld = JSON.parse(data.jsonLd);
    expect(ld["@type"]).toBe("JobPosting");
    expect(ld.baseSalary.value).toMatchObject({ minValue: 32916, maxValue: 45352, unitText: "YEAR" });
    expect(ld.jobLocation.map((l: { name: string }) => l.name)).toEqual(["Navigation Primary", "St John Vianney"]);
    expect(data.placeNotFound).toBe(true);
  });

  it("the open-data feed pages live vacancies with pay as numbers, and refuses a bad query with a 400", async () => {
    const r = await twoTrustRegion(t.db);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await publishableDraft(t.db, r, { title: `Role ${i}` });
      await publishVacancy(t.db, r.hrA.id, id);
      ids.push(id);
    }
    const [, second, third] = exactly(3, ids);
    await updateVacancy(t.db, r.hrA.id, third, { salaryMinFte: 35000 });
    // A part-time role shows its FTE as a number.
    await setLocation(t.db, r.hrA.id, second, {
      fte: 600,
      workingPattern: "part_time",
      schools: [{ schoolId: r.a1.id, share: null }],
    });
    const feed = await vacancyFeed(t.db, 1, 2);
    expect(feed.total).toBe(3);
    expect(feed.vacancies).toHaveLength(2);
    const response = await callRoute(feedLoader, getRequest("/api/v1/vacancies?page=2&per_page=2"));
    const body = await response.json();
    expect(body.meta).toMatchObject({ total: 3, page: 2, per_page: 2, pages: 2 });
    expect(body.links.next).toBeNull();
    const all = (await vacancyFeed(t.db, 1, 10)).vacancies;
    const partTime = all.find((v) => v.id === second)!;
    expect(partTime.fte).toBe(0.6);
    expect(typeof partTime.salaryMinFte).toBe("number");
    expect(partTime.schools).toEqual([expect.objectContaining({ urn: 106283, fteShare: null })]);
    expect(all.find((v) => v.id === third)!.salaryMinFte).toBe(35000);
    for (const bad of ["page=0", "page=abc", "per_page=1000", "page=-1"]) {
      expect((await callRoute(feedLoader, getRequest(`/api/v1/vacancies?${bad}`))).status).toBe(400);
    }
  });

  it("the feed's total stays exact as vacancies are published, pass their closing time, close and are deleted", async () => {
    const r = await twoTrustRegion(t.db);
    const counted = async (now: Date) =>
      rowsOf<{ n: number }>(
        await t.db.execute(
          sql`SELECT count(*)::int AS n FROM vacancies WHERE status = 'published' AND closes_at > ${now.toISOString()}`,
        ),
      )[0]?.n;
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = await publishableDraft(t.db, r, { title: `Role ${i}` });
      await publishVacancy(t.db, r.hrA.id, id);
      ids.push(id);
    }
    await publishableDraft(t.db, r, { title: "A draft is not live" });
    const [first, second, third] = exactly(4, ids);
    const now = new Date();
    expect((await vacancyFeed(t.db, 1, 10, now)).total).toBe(4);
    // Past its closing time, the scheduler not having closed it yet: no longer live.
    await t.db
      .update(vacancies)
      .set({ closesAt: new Date(now.getTime() - 60_000) })
      .where(eq(vacancies.id, first));
    expect((await vacancyFeed(t.db, 1, 10, now)).total).toBe(3);
    await closeVacancy(t.db, r.hrA.id, second, "filled_elsewhere");
    expect((await vacancyFeed(t.db, 1, 10, now)).total).toBe(2);
    // Several rows in one statement, and a delete.
    await t.db
      .update(vacancies)
      .set({ status: "closed" })
      .where(inArray(vacancies.id, [first, third]));
    expect((await vacancyFeed(t.db, 1, 10, now)).total).toBe(1);
    expect(await counted(now)).toBe(1);
    await t.db.delete(vacancies).where(inArray(vacancies.id, ids));
    expect((await vacancyFeed(t.db, 1, 10, now)).total).toBe(0);
    expect(await counted(now)).toBe(0);
  });

  it("robots.txt keeps crawlers out of signed-in and one-time pages and names the sitemap", async () => {
    const response = robotsLoader();
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    const text = await response.text();
    for (const path of ["/account", "/admin", "/alerts", "/dev", "/hr", "/reset-password"])
      expect(text).toContain(`Disallow: ${path}\n`);
    expect(text).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
  });

  it("the sitemap lists live vacancies only", async () => {
    const r = await twoTrustRegion(t.db);
    const live = await publishableDraft(t.db, r);
    await publishVacancy(t.db, r.hrA.id, live);
    const draft = await publishableDraft(t.db, r, { title: "Draft" });
    const expired = await publishableDraft(t.db, r, { title: "Expired" });
    await publishVacancy(t.db, r.hrA.id, expired);
    await t.db
      .update(vacancies)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(vacancies.id, expired));
    const xml = await (await callRoute(sitemapLoader, getRequest("/sitemap.xml"))).text();
    expect(xml).toContain(`/vacancies/${live}`);
    expect(xml).not.toContain(draft);
    expect(xml).not.toContain(expired);
  });
});
