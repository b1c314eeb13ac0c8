import type { Page } from "@playwright/test";
import { exactly } from "../support/arrays";
import { expect, expectAccessible, readLatestMail, setUpTwoFactor, signIn, signOut, test } from "./support";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PASSWORD = "a long and memorable passphrase";

async function signUp(page: Page, email: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill("Rosa Second");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
}

test("anyone can turn on two-step sign-in, then signs in with a code, or once with each recovery code", async ({
  page,
}) => {
  const email = `two.step.${unique()}@example.com`;
  await signUp(page, email);
  await page.goto("/account");
  await expect(page.getByText("Off: signing in asks only for your password")).toBeVisible();
  await page.getByRole("link", { name: "Set up two-step sign-in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Set up two-step sign-in" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await expectAccessible(page);

  // A wrong code is refused at the field, with the error summary.
  await page.getByLabel("Code from your app", { exact: true }).fill("12345");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Turn on two-step sign-in" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveTitle(/^Error: Set up two-step sign-in/);
  await expect(page.locator(".field-error").getByText("Enter the 6-digit code your app shows")).toBeVisible();

  const key = await setUpTwoFactor(page, email);
  const codes = (await page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allTextContents()).map(
    (c) => c.trim(),
  );
  expect(codes).toHaveLength(10);
  const [code0, code1] = exactly(10, codes);
  await expectAccessible(page);
  await page.getByRole("link", { name: "I have saved my codes: continue" }).click();
  await expect(page.getByText("On: signing in asks for a code")).toBeVisible();
  const notice = await readLatestMail(page, email, "Your Staffroom two-step sign-in changed");
  expect(notice.text).toContain("Two-step sign-in is now on");

  // Signing in now takes the password, then a code from the app.
  await signOut(page);
  await signIn(page, email, PASSWORD, { totpSecret: key });

  // Without the phone: a recovery code, which then works no more.
  await signOut(page);
  const passwordStep = async () => {
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Two-step sign-in" })).toBeVisible();
  };
  await passwordStep();
  await expectAccessible(page);
  // Nothing is reachable half signed in.
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Two-step sign-in" })).toBeVisible();
  await page.getByLabel("Code", { exact: true }).fill(code0.toUpperCase());
  await page.getByLabel("Code", { exact: true }).press("Enter");
  await expect(page.getByText("You are signed in with a recovery code")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await page.goto("/account/two-factor");
  await expect(page.getByText("9 of 10")).toBeVisible();

  await signOut(page);
  await passwordStep();
  await page.getByLabel("Code", { exact: true }).fill(code0);
  await page.getByLabel("Code", { exact: true }).press("Enter");
  await expect(page.locator(".field-error").getByText("That code is not right")).toBeVisible();
  await expect(page).toHaveTitle(/^Error: Two-step sign-in/);
  await page.getByLabel("Code", { exact: true }).fill(code1);
  await page.getByLabel("Code", { exact: true }).press("Enter");
  await expect(page.getByText("You are signed in with a recovery code")).toBeVisible();

  // Turning it off needs the password.
  await page.goto("/account/two-factor");
  await expectAccessible(page);
  await page.getByLabel("Turn off two-step sign-in").check();
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("Current password").press("Enter");
  await expect(page.locator(".field-error").getByText("Your current password is not right")).toBeVisible();
  await expect(page).toHaveTitle(/^Error: Two-step sign-in/);
  await page.getByLabel("Turn off two-step sign-in").check();
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("Current password").press("Enter");
  await expect(page.getByText("Two-step sign-in is off.")).toBeVisible();
  await signOut(page);
  // Signed in with the password alone again.
  await signIn(page, email, PASSWORD);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("two-step sign-in is set up and used with plain forms", async ({ page }) => {
    const email = `two.step.nojs.${unique()}@example.com`;
    await signUp(page, email);
    await page.goto("/account/two-factor");
    await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
    const key = await setUpTwoFactor(page, email);
    await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
    await page.getByRole("link", { name: "I have saved my codes: continue" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await signOut(page);
    await signIn(page, email, PASSWORD, { totpSecret: key });
    await page.goto("/account");
    await expect(page.getByText("On: signing in asks for a code")).toBeVisible();
  });
});
