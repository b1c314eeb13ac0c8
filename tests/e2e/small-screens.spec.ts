import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, signOut, test } from "./support";

/**
 * Every kind of page at 320 px (the narrowest width WCAG 1.4.10 asks for; the other specs check desktop): axe at
 * every impact level, nothing wider than the window, and chart/map labels drawn at a readable size. One width only,
 * to keep the run short: 320 px is where anything too wide shows first.
 */
test.use({ viewport: { width: 320, height: 640 } });
// axe at every level over many pages on a loaded two-core machine: more than the default minute.
test.describe.configure({ timeout: 240_000 });

async function check(page: Page, path: string, status = 200) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  const { scroll, client, widest } = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    // The innermost elements that reach past the window, so a failure names what to fix.
    const beyond = [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > client + 1);
    const innermost = beyond.filter((e) => !beyond.some((o) => o !== e && e.contains(o)));
    return {
      scroll: document.documentElement.scrollWidth,
      client,
      widest: innermost
        .slice(0, 5)
        .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}"> ${(e.textContent ?? "").trim().slice(0, 60)}`),
    };
  });
  expect(scroll, `${path} is ${scroll} px wide in a ${client} px window: ${widest.join("; ")}`).toBeLessThanOrEqual(
    client,
  );
  // Labels inside SVG charts and maps, as drawn on screen (not in the SVG's own units).
  const tiny = await page.evaluate(() =>
    [...document.querySelectorAll("svg text")]
      .map((t) => ({ text: t.textContent, px: t.getBoundingClientRect().height }))
      .filter((t) => t.text?.trim() && t.px < 11),
  );
  expect(tiny, `${path}: labels drawn smaller than 12 px`).toEqual([]);
  await expectAccessible(page);
}

test("public pages at 320 px", async ({ page }) => {
  for (const path of ["/", "/vacancies", "/vacancies?q=teacher", "/vacancies?view=map", "/schools", "/sign-in"])
    await check(page, path);
  await check(page, "/vacancies?location=Narnia", 400);
});

test("pay, school, trust and vacancy pages at 320 px", async ({ page }) => {
  await check(page, "/pay");
  await page.getByRole("link", { name: "Demo Vale Schools Partnership" }).click();
  await check(page, new URL(page.url()).pathname);
  await check(page, "/schools/990002");
  await check(page, "/trusts/northbrook-learning-trust");
  await page.goto("/vacancies");
  await page.locator(".result__title a").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await check(page, new URL(page.url()).pathname);
});

test("teacher pool and fair pages at 320 px", async ({ page }) => {
  await check(page, "/pool");
  await check(page, "/fairs");
  await page.getByRole("link", { name: "Demo Vale spring recruitment fair" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await check(page, new URL(page.url()).pathname);
  await signIn(page, "teacher@staffroom.example");
  await check(page, "/pool/mine");
  await signOut(page);
});

test("error pages are titled for the error, and a specific 404 keeps its own message", async ({ page }) => {
  await check(page, "/no-such-page", 404);
  await expect(page).toHaveTitle("Page not found – Staffroom");
  await check(page, "/alerts/unsubscribe/cut-short", 404);
  await expect(page).toHaveTitle("Page not found – Staffroom");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByText("copy the whole link from the e-mail")).toBeVisible();
});

test("HR and admin pages at 320 px", async ({ page }) => {
  await signIn(page, "admin@staffroom.example");
  for (const path of ["/admin", "/admin/demo-vale", "/admin/demo-vale/pay-policy", "/account", "/dev/mailbox"])
    await check(page, path);
  await signOut(page);

  await signIn(page, "hr@northbrook.example");
  for (const path of [
    "/hr/vacancies",
    "/hr/vacancies/new",
    "/hr/vacancies/import",
    "/organisations/northbrook-learning-trust/team",
  ])
    await check(page, path);
  // A draft: its review page has the step list and every edit step.
  await page.goto("/hr/vacancies");
  await page.getByRole("row").filter({ hasText: "Draft" }).getByRole("link").first().click();
  await page.waitForURL(/\/hr\/vacancies\/[0-9a-f-]{36}$/);
  const review = new URL(page.url()).pathname;
  await check(page, review);
  // The review page opens with its own h1 (the advert's preview comes later, with lower headings).
  await expect(page.locator("main h1")).toHaveCount(1);
  await expect(page.locator("main :is(h1, h2, h3)").first()).toHaveJSProperty("tagName", "H1");
  await expect(page.getByRole("navigation", { name: "Steps" }).locator('[aria-current="step"]')).toHaveText(
    /Review and publish/,
  );
  for (const step of ["role", "where", "pay", "advert", "apply"]) await check(page, `${review}/edit/${step}`);
});

test("applications pages at 320 px, the teacher's and HR's", async ({ page }) => {
  await signIn(page, "teacher@staffroom.example");
  for (const path of ["/profile", "/applications"]) await check(page, path);
  await page.getByRole("region", { name: "Your applications" }).getByRole("link").first().click();
  await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
  await check(page, new URL(page.url()).pathname);
  await signOut(page);

  await signIn(page, "hr@riverside.example");
  await page.goto("/hr/vacancies");
  await page.getByRole("region", { name: "Applications for roles at your schools" }).getByRole("link").first().click();
  await page.waitForURL(/\/applications$/);
  await check(page, new URL(page.url()).pathname);
  await page.getByRole("region", { name: "Applications" }).getByRole("link").first().click();
  await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
  await check(page, new URL(page.url()).pathname);
});
