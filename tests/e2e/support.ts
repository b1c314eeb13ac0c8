import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";

export { expect };

// A status the page asked for (a 404 page, a 400 form answer) is logged by Chromium as "Failed to load resource":
// that is the journey working. Scripts failing, hydration mismatches and CSP refusals are not.
const EXPECTED_CONSOLE_ERRORS = [/^Failed to load resource: the server responded with a status of (4\d\d)/];

/**
 * Every journey fails on a console error or an uncaught page error in any of its browser contexts (the page's
 * own and those a test opens with browser.newContext): React's hydration errors (#418, #423, #425) otherwise
 * pass unseen while the page quietly re-renders on the client.
 */
export const test = base.extend<{ failOnConsoleErrors: void }>({
  failOnConsoleErrors: [
    async ({ context, browser }, use) => {
      const problems: string[] = [];
      const watch = (c: BrowserContext) => {
        c.on("console", (message) => {
          if (message.type() !== "error") return;
          const text = message.text();
          if (EXPECTED_CONSOLE_ERRORS.some((pattern) => pattern.test(text))) return;
          problems.push(`console error on ${message.page()?.url() ?? "?"}: ${text}`);
        });
        c.on("weberror", (error) =>
          problems.push(`uncaught error on ${error.page()?.url() ?? "?"}: ${error.error().message}`),
        );
      };
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const created = await newContext(options);
        watch(created);
        return created;
      };
      try {
        await use();
      } finally {
        browser.newContext = newContext;
      }
      expect(problems, "the browser reported errors during this journey").toEqual([]);
    },
    { auto: true },
  ],
});

export const DEMO_PASSWORD = "staffroom-demo-password";
/**
 * Fails on any WCAG 2.2 A/AA violation or axe best practice, at every impact level (minor and moderate too),
 * listing each with where it was found.
 */
export async function expectAccessible(page: Page) {
  // Legacy mode runs axe in the page itself: our pages have no frames, and the default opens a blank page per check
  // to merge frame results, which doubled the cost of every check.
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const report = results.violations
    .map((v) => `${v.impact}: ${v.id} (${v.help})\n${v.nodes.map((n) => `  at ${n.target.join(" ")}`).join("\n")}`)
    .join("\n");
  expect(results.violations, `Accessibility violations on ${page.url()}:\n${report}`).toEqual([]);
}

/** Signs out and waits until the signed-out page has loaded, so the next navigation cannot cancel the sign-out. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
}

/** Signs in through the real sign-in page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

export type Mail = { id: string; to: string; subject: string; text: string; html: string; createdAt: string };

/** The newest mail to `to` in the dev mailbox (optionally with a subject), waiting up to ~10 s for it. */
export async function readLatestMail(
  pageOrRequest: Page | APIRequestContext,
  to: string,
  subject?: string,
): Promise<Mail> {
  const request = "request" in pageOrRequest ? pageOrRequest.request : pageOrRequest;
  for (let attempt = 0; attempt < 40; attempt++) {
    const response = await request.get(`/dev/mailbox.json?to=${encodeURIComponent(to)}`);
    expect(response.ok()).toBe(true);
    const { mails } = (await response.json()) as { mails: Mail[] };
    const mail = mails.find((m) => !subject || m.subject === subject);
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`No mail to ${to}${subject ? ` with subject "${subject}"` : ""} arrived in the dev mailbox`);
}

export function firstLinkIn(text: string): string {
  const match = text.match(/https?:\/\/[^\s)>\]]+/);
  if (!match) throw new Error(`No link in mail text:\n${text}`);
  return match[0];
}
