import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_TOTP_SECRET } from "../../db/seed/demo-cast";

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

/**
 * Signs in through the real sign-in page. When the second step appears (the demo accounts whose role requires
 * two-step sign-in), enters the code an authenticator app would show for `totpSecret`: the demo key by default.
 */
export async function signIn(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  { totpSecret = DEMO_TOTP_SECRET }: { totpSecret?: string } = {},
) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const signedIn = page.getByRole("banner").getByRole("button", { name: "Sign out", exact: true });
  const codeStep = page.getByRole("heading", { level: 1, name: "Two-step sign-in" });
  await expect(signedIn.or(codeStep)).toBeVisible();
  if (await codeStep.isVisible()) await enterTotpCode(page, email, totpSecret);
  await expect(signedIn).toBeVisible();
}

/** An authenticator app's code for `secret` at time step `step`. */
function totpCode(secret: string, step: number): string {
  return generateHOTP(decodeBase32IgnorePadding(secret.replace(/\s+/g, "")), BigInt(step), 6);
}

const STEP_MS = 30_000;

/**
 * Which time step's code to enter, given the last step this account used: the server takes one step either side of
 * now, each step only once, and only steps later than the last one used (ADR 0020). The step before now is used only
 * while its code has more than 5 s left. `waitMs` > 0: no usable step yet, wait and ask again.
 */
function chooseTotpStep(lastUsed: number | null, nowMs: number): { step: number; waitMs: number } {
  const current = Math.floor(nowMs / STEP_MS);
  const earliest = STEP_MS - (nowMs % STEP_MS) > 5_000 ? current - 1 : current;
  const step = Math.max(lastUsed === null ? earliest : lastUsed + 1, earliest);
  if (step <= current + 1) return { step, waitMs: 0 };
  return { step, waitMs: (step - 1) * STEP_MS - nowMs + 200 };
}

/**
 * Journeys run in parallel workers and sign in as the same demo accounts, and the server refuses a code whose step
 * this account has used already, as it should. So the workers of one run agree, through files, on the steps each
 * account has used: one worker at a time per account chooses a step, enters its code and records it.
 */
const totpStateDir = path.resolve(".tmp", `e2e-${process.env.E2E_RUN_ID ?? "local"}`, "totp");

async function withAccountLock<T>(email: string, work: (stepFile: string) => Promise<T>): Promise<T> {
  mkdirSync(totpStateDir, { recursive: true });
  const lock = path.join(totpStateDir, `${email}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A worker that died holding the lock leaves it behind; no sign-in holds it for two minutes.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 120_000) rmSync(lock, { force: true, recursive: true });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await work(path.join(totpStateDir, `${email}.step`));
  } finally {
    rmSync(lock, { force: true, recursive: true });
  }
}

/** Enters the code for the next usable step in `field`, submits it, and waits for `done`. */
async function enterTotpCode(
  page: Page,
  email: string,
  secret: string,
  form = {
    field: "Code",
    done: () => page.getByRole("banner").getByRole("button", { name: "Sign out", exact: true }),
  },
) {
  await withAccountLock(email, async (stepFile) => {
    let lastUsed: number | null = null;
    try {
      lastUsed = Number(readFileSync(stepFile, "utf8"));
    } catch {
      // No code for this account in this run yet.
    }
    let choice = chooseTotpStep(lastUsed, Date.now());
    while (choice.waitMs > 0) {
      await new Promise((r) => setTimeout(r, choice.waitMs));
      choice = chooseTotpStep(lastUsed, Date.now());
    }
    const field = page.getByLabel(form.field, { exact: true });
    await field.fill(totpCode(secret, choice.step));
    // Enter, as people submit a code: a click would land after the field's check on leaving it has moved the button.
    await field.press("Enter");
    await expect(form.done()).toBeVisible();
    writeFileSync(stepFile, String(choice.step));
  });
}

/**
 * On the set-up page: reads the key shown for typing by hand (as a person without a camera would), confirms it with
 * a code from it, and returns the key. The page then shows the recovery codes.
 */
export async function setUpTwoFactor(page: Page, email: string): Promise<string> {
  const key = ((await page.locator(".secret-key").textContent()) ?? "").replace(/\s+/g, "");
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  await enterTotpCode(page, email, key, {
    field: "Code from your app",
    done: () => page.getByRole("heading", { level: 1, name: "Save your recovery codes" }),
  });
  return key;
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
