import {
  DEMO_PASSWORD,
  expect,
  expectAccessible,
  firstLinkIn,
  readLatestMail,
  setUpTwoFactor,
  signIn,
  signOut,
  test,
} from "./support";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("a newcomer signs up, confirms the address from the dev mailbox, signs out and back in", async ({ page }) => {
  const email = `teacher.${unique()}@example.com`;
  const password = "a long and memorable passphrase";

  await page.goto("/sign-up");
  await expectAccessible(page);
  await page.getByLabel("Full name").fill("Priya Shah");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  await expect(page.getByText(`We have sent a link to ${email}`)).toBeVisible();
  await expectAccessible(page);

  const mail = await readLatestMail(page, email);
  expect(mail.subject).toBe("Confirm your e-mail address for Staffroom");
  await page.goto(firstLinkIn(mail.text));
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm my e-mail address" }).click();
  await expect(page.getByText("your e-mail address is confirmed")).toBeVisible();
  await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await signOut(page);
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await signIn(page, email, password);
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
});

test("a wrong password is refused with a message, and a malformed address is flagged at its field", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("admin@staffroom.example");
  await page.getByLabel("Password").fill("not the right password");
  const responsePromise = page.waitForResponse((r) => r.url().includes("/sign-in") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Sign in" }).click();
  expect((await responsePromise).status()).toBe(401);
  await expect(page.getByRole("alert")).toContainText("The e-mail address or password is not right");
  await expectAccessible(page);

  await page.getByLabel("Email address").fill("not-an-address");
  await page.getByLabel("Password").fill("whatever password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".field-error").getByText("Enter an e-mail address in the right format")).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-in still works, and errors still come back at the field", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill("not-an-address");
    await page.getByLabel("Password").fill("x");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".field-error").getByText("Enter an e-mail address in the right format")).toBeVisible();

    await page.getByLabel("Email address").fill("teacher@staffroom.example");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  });
});

test("a forgotten password is reset from the e-mailed link", async ({ page }) => {
  const email = `reset.${unique()}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill("Tom Reed");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("the original passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await signOut(page);

  await page.goto("/forgot-password");
  await expectAccessible(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByText(`If ${email} has an account`)).toBeVisible();

  const mail = await readLatestMail(page, email, "Reset your Staffroom password");
  await page.goto(firstLinkIn(mail.text));
  await page.getByLabel("New password").fill("a completely new passphrase");
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page.getByText("Your password is changed and you are signed in.")).toBeVisible();
  await signOut(page);
  await signIn(page, email, "a completely new passphrase");
});

test("a partnership admin invites an HR colleague to a trust, who accepts by creating an account", async ({ page }) => {
  const email = `new.hr.${unique()}@example.com`;
  await signIn(page, "admin@staffroom.example");
  await page.goto("/organisations/northbrook-learning-trust/team");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Invite a colleague to Northbrook Learning Trust" }).click();
  await expect(page.getByRole("heading", { name: "Invite a colleague to Northbrook Learning Trust" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Their e-mail address").fill(email);
  await page.getByLabel("Role").selectOption("hr");
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  await signOut(page);

  const mail = await readLatestMail(page, email);
  expect(mail.subject).toBe("You are invited to join Northbrook Learning Trust on Staffroom");
  await page.goto(firstLinkIn(mail.text));
  await expect(page.getByRole("heading", { name: "Join Northbrook Learning Trust on Staffroom" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("main").getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await page.getByLabel("Full name").fill("Jordan Hill");
  await page.getByLabel("Password").fill("jordan's long passphrase");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Join Northbrook Learning Trust on Staffroom" })).toBeVisible();
  await page.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(page.getByText("Invitation accepted")).toBeVisible();

  // HR sees other people's personal data: before anything else, the new role asks for two-step sign-in.
  await expect(page.getByRole("heading", { level: 1, name: "Set up two-step sign-in" })).toBeVisible();
  await expect(page.getByText("Your role gives you access to other people's personal data")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/organisations/northbrook-learning-trust/team");
  await expect(page.getByRole("heading", { level: 1, name: "Set up two-step sign-in" })).toBeVisible();
  const key = await setUpTwoFactor(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "Save your recovery codes" })).toBeVisible();
  await page.getByRole("link", { name: "I have saved my codes: continue" }).click();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByText("HR staff at Northbrook Learning Trust")).toBeVisible();
  await expect(page.getByText("On: signing in asks for a code")).toBeVisible();
  // Accepting the invitation proved the address.
  await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
  await signOut(page);
  await signIn(page, email, "jordan's long passphrase", { totpSecret: key });
});

test("HR staff of one trust get a 404 for another trust's team page", async ({ page }) => {
  await signIn(page, "hr@riverside.example");
  const response = await page.goto("/organisations/northbrook-learning-trust/team");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
