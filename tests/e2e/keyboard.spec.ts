import type { Locator, Page } from "@playwright/test";
import { unique } from "./hr-flows";
import { expect, expectAccessible, signIn, test } from "./support";

/**
 * Journeys by keyboard only (Tab, Shift+Tab, Enter, Space), asserting where focus is after each action, at a
 * desktop width and at 320 px (WCAG 1.4.10), where nothing may scroll sideways.
 */

/** Presses Tab (or Shift+Tab) until `target` has focus; fails if it takes more than `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 200 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  await expect(target).toBeFocused();
}

async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${page.url()} is ${scroll} px wide in a ${client} px window`).toBeLessThanOrEqual(client);
}

/** From a fresh page load: the skip link is the first stop, and it takes focus to the main content. */
async function skipToMain(page: Page) {
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
}

const summary = (page: Page) => page.locator(".error-summary");

for (const width of [1280, 320]) {
  test.describe(`by keyboard at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test("sign-up: a mistake focuses the error summary, whose links lead to the fields; success focuses the next page's heading", async ({
      page,
    }) => {
      await page.goto("/sign-up");
      await skipToMain(page);
      await page.keyboard.press("Tab");
      await expect(page.getByLabel("Full name")).toBeFocused();
      await page.keyboard.type("Ada Keyboard");
      await page.keyboard.press("Tab");
      await expect(page.getByLabel("Email address")).toBeFocused();
      await page.keyboard.type("not-an-address");
      await page.keyboard.press("Tab");
      await expect(page.getByLabel("Password")).toBeFocused();
      await page.keyboard.type("short");
      await page.keyboard.press("Tab");
      await expect(page.getByRole("button", { name: "Create account" })).toBeFocused();
      await page.keyboard.press("Enter");

      await expect(summary(page)).toBeFocused();
      await expect(page).toHaveTitle(/^Error: Create an account/);
      await expect(summary(page).getByRole("link")).toHaveCount(2);
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);

      await page.keyboard.press("Tab");
      const emailLink = summary(page).getByRole("link").first();
      await expect(emailLink).toBeFocused();
      await page.keyboard.press("Enter");
      const email = page.getByLabel("Email address");
      await expect(email).toBeFocused();
      await expect(email).toHaveAttribute("aria-invalid", "true");
      // Errored text inputs have the red border, not the black one.
      await expect(email).toHaveCSS("border-top-color", "rgb(179, 38, 30)");
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type(`ada.${unique()}@example.com`);
      await page.keyboard.press("Tab");
      await expect(page.getByLabel("Password")).toBeFocused();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type("a long and memorable passphrase");
      await page.keyboard.press("Shift+Tab");
      await expect(email).toBeFocused();
      await tabTo(page, page.getByRole("button", { name: "Create account" }));
      await page.keyboard.press("Enter");

      await expect(page.getByRole("heading", { level: 1, name: "Check your e-mail" })).toBeFocused();
      await expect(page.locator("#route-announcer")).toHaveText(/Check your e-mail/);
      await expect(page).not.toHaveTitle(/^Error:/);
      await expectNoSidewaysScroll(page);
    });

    test("HR's vacancy steps: each empty save is summarised and linked to its group, fixed by Space", async ({
      page,
    }) => {
      await signIn(page, "hr@northbrook.example");
      await page.goto("/hr/vacancies/new");
      await skipToMain(page);
      await tabTo(page, page.getByLabel("Job title"));
      await page.keyboard.type(`Teacher of Music ${unique()}`);
      await page.keyboard.press("Tab");
      const role = page.getByLabel("Kind of role");
      await expect(role).toBeFocused();
      await page.keyboard.type("Classroom");
      await expect(role).toHaveValue("classroom_teacher");
      const save = page.getByRole("button", { name: "Save and continue" });
      await tabTo(page, save);
      await page.keyboard.press("Enter");

      // Checked in the browser: the summary takes focus, its link lands on the first option of the group.
      await expect(summary(page)).toBeFocused();
      await expect(page).toHaveTitle(/^Error: Post a vacancy/);
      const phase = page.getByRole("group", { name: "Phase" });
      await expect(phase).toHaveCSS("border-left-color", "rgb(179, 38, 30)");
      const firstPhase = phase.getByRole("checkbox").first();
      await expect(firstPhase).toHaveAttribute("aria-invalid", "true");
      // The message sits above the options (not among them, as a flex item).
      expect((await phase.locator(".field-error").boundingBox())!.y).toBeLessThan((await firstPhase.boundingBox())!.y);
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
      await page.keyboard.press("Tab");
      await expect(summary(page).getByRole("link", { name: "Choose at least one phase" })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(firstPhase).toBeFocused();
      await page.keyboard.press("Space");
      await expect(firstPhase).toBeChecked();
      await tabTo(page, save);
      await page.keyboard.press("Enter");

      // Checked by the server: the next step's heading takes focus, then an empty save is summarised there too.
      await expect(page.getByRole("heading", { level: 1, name: "Schools and hours" })).toBeFocused();
      await expect(page.getByRole("navigation", { name: "Steps" }).locator('[aria-current="step"]')).toContainText(
        "Schools and hours",
      );
      await tabTo(page, save);
      await page.keyboard.press("Enter");
      await expect(summary(page)).toBeFocused();
      await expect(page).toHaveTitle(/^Error: Schools and hours/);
      const schools = page.getByRole("group", { name: "Schools" });
      await expect(schools).toHaveCSS("border-left-color", "rgb(179, 38, 30)");
      const firstSchool = schools.getByRole("checkbox").first();
      await expect(firstSchool).toHaveAttribute("aria-invalid", "true");
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);

      await page.keyboard.press("Tab");
      const link = summary(page).getByRole("link", { name: /Choose at least one school/ });
      await expect(link).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(firstSchool).toBeFocused();
      // Following the link changed the URL's fragment; the summary stays until the form is sent again.
      await expect(summary(page)).toBeVisible();
      await page.keyboard.press("Space");
      await expect(firstSchool).toBeChecked();
      await tabTo(page, page.getByRole("radio", { name: "At one school" }), { back: true });
      await page.keyboard.press("Space");
      await expect(page.getByRole("radio", { name: "At one school" })).toBeChecked();
      await tabTo(page, save);
      await page.keyboard.press("Enter");
      await expect(page.getByRole("heading", { level: 1, name: "Contract and pay" })).toBeFocused();
      await expect(page).not.toHaveTitle(/^Error:/);
      await expectNoSidewaysScroll(page);
    });

    test("search: results and each further page take focus at their heading; a result opens focused on its title", async ({
      page,
    }) => {
      await page.goto("/vacancies");
      await skipToMain(page);
      await tabTo(page, page.getByLabel("Job title, subject or keywords"));
      await page.keyboard.type("teacher");
      await page.keyboard.press("Enter");
      const heading = page.locator("#results");
      await expect(page).toHaveURL(/q=teacher/);
      await expect(heading).toBeFocused();
      await expectNoSidewaysScroll(page);

      const nextPage = page.getByRole("link", { name: "Next page" });
      await tabTo(page, nextPage);
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/page=2/);
      await expect(heading).toBeFocused();
      await expect(page.locator("#route-announcer")).toHaveText(/vacancies/);

      const result = page.locator(".result__title a").first();
      const title = (await result.textContent())!;
      await tabTo(page, result);
      await page.keyboard.press("Enter");
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeFocused();
      await expectNoSidewaysScroll(page);
    });
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a refused sign-up comes back with the summary focused and the title starting Error:", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Full name").fill("No Script");
    await page.getByLabel("Email address").fill("not-an-address");
    await page.getByLabel("Password").fill("short");
    await page.getByLabel("Password").press("Enter");
    await expect(page).toHaveTitle(/^Error: Create an account/);
    await expect(summary(page)).toBeFocused();
    await summary(page).getByRole("link").first().click();
    await expect(page.getByLabel("Email address")).toBeFocused();
  });
});
