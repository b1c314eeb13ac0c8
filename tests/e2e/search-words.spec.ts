import { expect, expectAccessible, test } from "./support";

/** Searching the demo region with the words teachers type: filters named in words, and a search that finds nothing. */
test.describe("search words", () => {
  test("words that name a filter are applied as that filter, shown, and removable", async ({ page }) => {
    await page.goto("/vacancies");
    await page.getByLabel("Job title, subject or keywords").fill("part time teacher");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\?q=part\+time\+teacher$/);

    const applied = page.getByRole("list", { name: "Filters in use" });
    await expect(applied).toContainText("Working pattern: Part time");
    await expect(applied).toContainText("from your words “part time”");
    const results = page.locator("ol.results > li");
    await expect(results.first()).toBeVisible();
    for (const line of await results.locator("p.small").filter({ hasText: "closes" }).allTextContents())
      expect(line).toContain("part time");
    await expectAccessible(page);

    const filtered = Number((await page.locator(".results-heading strong").textContent())!.replace(/,/g, ""));
    await applied.getByRole("link", { name: "Remove filter: Working pattern: Part time" }).click();
    await expect(page).toHaveURL(/\?q=teacher$/);
    await expect(page.getByRole("list", { name: "Filters in use" })).toHaveCount(0);
    const all = Number((await page.locator(".results-heading strong").textContent())!.replace(/,/g, ""));
    expect(all).toBeGreaterThan(filtered);
  });

  test("without JavaScript the filter read from words is removed by a plain link", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/vacancies?q=ECT+maths");
    const applied = page.getByRole("list", { name: "Filters in use" });
    await expect(applied).toContainText("Suitable for ECTs");
    await applied.getByRole("link", { name: "Remove filter: Suitable for ECTs" }).click();
    await expect(page).toHaveURL(/\?q=maths$/);
    await expect(page.getByRole("list", { name: "Filters in use" })).toHaveCount(0);
    await context.close();
  });

  test("a search that matches nothing is tried without its least informative word, and says so", async ({ page }) => {
    await page.goto("/vacancies?q=teacher+qwertyuiop");
    await expect(page.locator(".search-relaxed")).toHaveText(
      /No vacancy matches every word of “teacher qwertyuiop”, so these results leave out “qwertyuiop”\./,
    );
    await expect(page.locator("ol.results > li").first()).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Search for “teacher”" }).click();
    await expect(page).toHaveURL(/\?q=teacher$/);
    await expect(page.locator(".search-relaxed")).toHaveCount(0);
  });
});
