import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import type { RealArea } from "./real-area";
import { expect, expectAccessible, test } from "./support";

const manifest = path.resolve(".tmp", `e2e-${process.env.E2E_RUN_ID}`, "real-area.json");
const area = (): RealArea => JSON.parse(readFileSync(manifest, "utf8")) as RealArea;

/** The result titles on the page, in order, and each one's nearest distance in miles. */
async function results(page: Page) {
  const items = page.locator("ol.results > li");
  const titles = await items.locator(".result__title").allTextContents();
  const miles = (await items.locator(".result__schools > li:first-child strong").allTextContents()).map((t) =>
    Number(/([\d.]+) miles?/.exec(t)![1]),
  );
  return { titles, miles };
}

test.describe("searching real Greater Manchester vacancies", () => {
  test.skip(
    () => !existsSync(manifest),
    "../shared/data is absent: no real Greater Manchester schools and postcodes were seeded",
  );

  test("a visitor searches maths within 5 miles of a Sale postcode, filters, pages and shares the URL", async ({
    page,
    context,
  }) => {
    const a = area();
    await page.goto("/");
    await page.getByRole("link", { name: "Find a job" }).click();
    await expect(page.getByRole("heading", { name: "Find a teaching job" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Job title, subject or keywords").fill("maths");
    await page.getByLabel("Postcode, town or local authority").fill(a.postcode.toLowerCase().replace(" ", ""));
    await page.getByLabel("Distance").selectOption("5");
    await page.getByRole("button", { name: "Search" }).click();

    await expect(page.getByRole("status").filter({ hasText: "vacancies within 5 miles of M33 7XW" })).toContainText(
      `${a.mathsWithin.length} vacancies`,
    );
    await expect(page).toHaveURL(/\?q=maths&location=m337xw&radius=5$/);
    await expectAccessible(page);
    // Best match first with words: the title matches (all of them here), newest first. Then nearest first, asked for.
    await page.getByLabel("Order").selectOption("distance");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/sort=distance/);
    const first = await results(page);
    expect(first.titles).toEqual(a.mathsWithin.slice(0, 20).map((v) => v.title));
    expect(first.miles.every((m) => m <= 5)).toBe(true);
    expect([...first.miles].sort((x, y) => x - y)).toEqual(first.miles);
    for (const outside of a.mathsOutside) await expect(page.getByRole("link", { name: outside })).toHaveCount(0);

    // Page 2 has the rest, still nearest first; back returns to page 1.
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(/page=2/);
    expect((await results(page)).titles).toEqual(a.mathsWithin.slice(20).map((v) => v.title));
    await page.goBack();
    await expect(page).not.toHaveURL(/page=2/);
    await expect(page.locator("ol.results > li")).toHaveCount(20);

    // A filter, with the count it showed beside it.
    const secondary = a.mathsWithin.filter((v) => v.phase === "secondary");
    await expect(page.getByLabel("Phase").locator("option", { hasText: "Secondary" })).toHaveText(
      `Secondary (${secondary.length})`,
    );
    await page.getByLabel("Phase").selectOption("secondary");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("status").filter({ hasText: "vacancies within" })).toContainText(
      `${secondary.length} vacancies`,
    );
    expect((await results(page)).titles).toEqual(secondary.slice(0, 20).map((v) => v.title));

    // The URL is the whole search: a new tab shows the same results.
    const shared = await context.newPage();
    await shared.goto(page.url());
    expect((await results(shared)).titles).toEqual(secondary.slice(0, 20).map((v) => v.title));
    await shared.getByRole("link", { name: "Show on a map" }).click();
    await expect(shared.getByRole("img", { name: /Map of \d+ vacancies around M33 7XW/ })).toBeVisible();
    await expectAccessible(shared);
  });

  test("without JavaScript the same search works, and a place that cannot be found says so at the field", async ({
    browser,
  }) => {
    const a = area();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/vacancies");
    await page.getByLabel("Job title, subject or keywords").fill("maths");
    await page.getByLabel("Postcode, town or local authority").fill(a.postcode);
    await page.getByLabel("Distance").selectOption("5");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/vacancies\?q=maths&location=M33\+7XW&radius=5$/);
    await expect(page.locator(".results-summary")).toContainText(
      `${a.mathsWithin.length} vacancies within 5 miles of M33 7XW`,
    );

    await page.getByLabel("Postcode, town or local authority").fill("Narnia");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.locator("#location-error")).toHaveText(/We could not find “Narnia”/);
    await expect(page.getByLabel("Postcode, town or local authority")).toHaveAttribute(
      "aria-describedby",
      /location-error/,
    );
    await expect(page.getByLabel("Postcode, town or local authority")).toHaveAccessibleDescription(
      /We could not find “Narnia”/,
    );
    await context.close();
  });

  test("no results suggests widening the radius or dropping a filter, with the count each gives", async ({ page }) => {
    const a = area();
    await page.goto(`/vacancies?q=maths&location=${encodeURIComponent(a.postcode)}&radius=3&phase=nursery`);
    await expect(page.getByRole("heading", { name: "No vacancies match" })).toBeVisible();
    const removePhase = page.getByRole("link", { name: "Remove “Phase: Nursery”" });
    await expect(removePhase.locator("xpath=..")).toContainText(/\(\d+ vacanc(y|ies)\)/);
    await removePhase.click();
    await expect(page).toHaveURL(/radius=3$/);
    await expectAccessible(page);
    // The error state, checked here (axe needs JavaScript, which the test above turns off).
    await page.goto("/vacancies?location=Narnia");
    await expect(page.getByRole("alert")).toContainText("We could not find “Narnia”");
    await expectAccessible(page);
  });
});
