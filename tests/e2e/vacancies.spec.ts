import { completeAndPublish, NORTHBROOK_ACADEMY, startDraft, unique, WESTFORD_ACADEMY } from "./hr-flows";
import { expect, expectAccessible, signIn, signOut, test } from "./support";

test("HR posts a role shared 0.6/0.4 across two schools; a visitor finds it on both school pages with its pay", async ({
  page,
}) => {
  const title = `Teacher of Mathematics ${unique()}`;
  await signIn(page, "hr@northbrook.example");
  await startDraft(page, title);
  await expectAccessible(page);

  await page.getByRole("radio", { name: /Shared between schools/ }).check();
  await page.getByRole("checkbox", { name: /^Northbrook Academy, Northbrook/ }).check();
  await page.getByLabel("Share of FTE at Northbrook Academy").fill("0.6");
  await page.getByRole("checkbox", { name: /^Westford Academy, Westford/ }).check();
  await page.getByLabel("Share of FTE at Westford Academy").fill("0.3");
  await page.getByRole("button", { name: "Save and continue" }).click();
  // A validation error, at the field, and nothing moves on.
  await expect(
    page.locator(".field-error").getByText("The schools' shares add up to 0.9 but the role is 1 FTE"),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Schools and hours" })).toBeVisible();
  await page.getByLabel("Share of FTE at Westford Academy").fill("0.4");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { name: "Contract and pay" })).toBeVisible();
  await completeAndPublish(page);
  await signOut(page);

  for (const [urn, share] of [
    [NORTHBROOK_ACADEMY, "0.6"],
    [WESTFORD_ACADEMY, "0.4"],
  ] as const) {
    await page.goto(`/schools/${urn}`);
    const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
    await expect(item).toBeVisible();
    await expect(item).toContainText("£32,916 to £45,352 a year (full-time equivalent)");
    await expect(item).toContainText(`(${share} FTE here)`);
    await expectAccessible(page);
  }

  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText("£32,916 to £45,352 a year (full-time equivalent)")).toBeVisible();
  await expect(page.getByText("Northbrook Academy", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("(0.6 FTE here)")).toBeVisible();
  await expect(page.getByText("(0.4 FTE here)")).toBeVisible();
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(ld.baseSalary.value).toMatchObject({ minValue: 32916, maxValue: 45352, unitText: "YEAR" });
  expect(ld.jobLocation).toHaveLength(2);
  await expectAccessible(page);
});

test("HR closes a vacancy early, and its public page says it has closed", async ({ page }) => {
  const title = `Teacher of Physics ${unique()}`;
  await signIn(page, "hr@northbrook.example");
  await startDraft(page, title);
  await page.getByRole("radio", { name: "At one school" }).check();
  await page.getByRole("checkbox", { name: /^Northbrook Academy, Northbrook/ }).check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await completeAndPublish(page);

  await page.goto("/hr/vacancies");
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await page.getByLabel("Close early because").selectOption("filled_elsewhere");
  await page.getByRole("button", { name: "Close the vacancy" }).click();
  await expect(page.getByText("The vacancy is closed.")).toBeVisible();
  await expect(page.getByText("Filled elsewhere.")).toBeVisible();
  await page.getByRole("link", { name: "See the public page" }).click();
  await expect(page.getByText("This vacancy has closed.")).toBeVisible();
  await page.goto(`/schools/${NORTHBROOK_ACADEMY}`);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

test("HR of another trust gets a 404 for the vacancy's edit pages", async ({ page }) => {
  const title = `Teacher of Chemistry ${unique()}`;
  await signIn(page, "hr@northbrook.example");
  await startDraft(page, title);
  const editUrl = page.url();
  await signOut(page);
  await signIn(page, "hr@riverside.example");
  const response = await page.goto(editUrl);
  expect(response?.status()).toBe(404);
});
