import { completeAndPublish, startDraft, unique } from "./hr-flows";
import { expect, expectAccessible, readLatestMail, signIn, test } from "./support";

const TEACHER = "teacher@staffroom.example";

test("a teacher saves a search as a daily alert and is e-mailed a newly published match, then unsubscribes in one click", async ({
  browser,
}) => {
  const word = `orrery${unique()}`; // a word only this test's vacancy has, so the alert matches it alone
  const teacher = await (await browser.newContext()).newPage();
  await signIn(teacher, TEACHER);
  await teacher.goto(`/vacancies?q=${word}`);
  await expect(teacher.getByRole("heading", { name: "No vacancies match" })).toBeVisible();
  await teacher.getByRole("radio", { name: "Every day" }).check();
  await teacher.getByRole("button", { name: "Save this search as an alert" }).click();
  await expect(teacher.getByText(/Alert saved\. We will e-mail teacher@staffroom\.example each morning/)).toBeVisible();
  await expect(teacher.getByRole("link", { name: `“${word}”` })).toBeVisible();
  await expectAccessible(teacher);

  // HR publishes a vacancy that matches.
  const hr = await (await browser.newContext()).newPage();
  const title = `Teacher of Mathematics and ${word}`;
  await signIn(hr, "hr@northbrook.example");
  await startDraft(hr, title);
  await hr.getByRole("radio", { name: "At one school" }).check();
  await hr.getByRole("checkbox", { name: /^Northbrook Academy, Northbrook/ }).check();
  await hr.getByRole("button", { name: "Save and continue" }).click();
  await completeAndPublish(hr);

  // Search picks it up within seconds (the sync job); then the daily alerts are run from the dev mailbox.
  await expect(async () => {
    await teacher.goto(`/vacancies?q=${word}`);
    await expect(teacher.getByRole("link", { name: title })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await teacher.goto("/dev/mailbox");
  await teacher.getByRole("button", { name: "Send daily alerts now" }).click();
  // Another journey running at the same time may run this teacher's alerts first and send our match itself,
  // so this run may send nothing: the e-mail with our word in its subject is what proves the alert worked.
  await expect(teacher.getByText(/^Ran \d+ daily alerts?:/)).toBeVisible();

  const mail = await readLatestMail(teacher, TEACHER, `1 new vacancy: “${word}”`);
  expect(mail.text).toContain(title);
  expect(mail.text).toContain("Northbrook Academy");
  expect(mail.text).toContain("£32,916 to £45,352 a year (full-time equivalent)");

  // The vacancy link works, and the unsubscribe link needs no sign-in.
  const anonymous = await (await browser.newContext()).newPage();
  const vacancyLink = mail.text.match(/https?:\/\/\S+\/vacancies\/[0-9a-f-]{36}/)![0];
  await anonymous.goto(vacancyLink);
  await expect(anonymous.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  // Opening the link (as a mail scanner would, GET or HEAD) changes nothing; the page's one button unsubscribes.
  const unsubscribeLink = mail.text.match(/https?:\/\/\S+\/alerts\/unsubscribe\/[^\s)\]]+/)![0];
  expect((await anonymous.request.head(unsubscribeLink)).status()).toBe(200);
  await anonymous.goto(unsubscribeLink);
  await expect(anonymous.getByRole("heading", { name: "Unsubscribe from this job alert" })).toBeVisible();
  // The search is named once, in its own quotes (the summary already holds them).
  await expect(anonymous.getByRole("main")).toContainText(`match this search: “${word}”.`);
  await expectAccessible(anonymous);
  await teacher.goto("/alerts");
  await expect(
    teacher
      .getByRole("listitem")
      .filter({ hasText: `“${word}”` })
      .getByText("Unsubscribed"),
  ).toHaveCount(0);
  await anonymous.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(anonymous.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
  await expectAccessible(anonymous);

  // Mail programs' one-click unsubscribe (RFC 8058) posts without the page and without an Origin header; the dev
  // mailbox shows the headers that offer it.
  await anonymous.getByRole("button", { name: "That was a mistake: start the alert again" }).click();
  await expect(anonymous.getByRole("heading", { name: "Your alert is on again" })).toBeVisible();
  await teacher.goto(`/dev/mailbox/${mail.id}`);
  const headers = teacher.locator(".mail-headers");
  await expect(headers).toContainText("List-Unsubscribe-Post");
  await expect(headers).toContainText("List-Unsubscribe=One-Click");
  await expect(headers).toContainText(unsubscribeLink);
  const oneClick = await anonymous.request.post(unsubscribeLink, {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
    maxRedirects: 0,
  });
  expect(oneClick.status()).toBe(303);
  await anonymous.reload();
  await expect(anonymous.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();

  // The teacher sees it as unsubscribed, and running alerts again sends nothing more.
  await teacher.goto("/alerts");
  const item = teacher.getByRole("listitem").filter({ hasText: `“${word}”` });
  await expect(item.getByText("Unsubscribed")).toBeVisible();
  await teacher.goto("/dev/mailbox");
  // Read the mailbox only once this run has finished: the POST answered and its result is on the page.
  await Promise.all([
    teacher.waitForResponse((r) => r.url().includes("/dev/alerts") && r.request().method() === "POST"),
    teacher.getByRole("button", { name: "Send daily alerts now" }).click(),
  ]);
  // Its one alert is unsubscribed now, so there may be nothing left to run: either way the run has answered.
  await expect(teacher.getByText(/^(Ran \d+ daily alerts?:|No daily alerts to run)/)).toBeVisible();
  const mails = await teacher.request.get(`/dev/mailbox.json?to=${encodeURIComponent(TEACHER)}`);
  const subjects = ((await mails.json()) as { mails: { subject: string }[] }).mails.map((m) => m.subject);
  expect(subjects.filter((s) => s.includes(word))).toHaveLength(1);
});

test("a visitor who is not signed in is asked to sign in to save an alert, and comes back to the search", async ({
  page,
}) => {
  await page.goto("/vacancies?q=physics");
  await page.getByRole("link", { name: "Sign in to save this search as an alert" }).click();
  await page.getByLabel("Email address").fill(TEACHER);
  await page.getByLabel("Password").fill("staffroom-demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/vacancies\?q=physics$/);
  await expect(page.getByRole("button", { name: "Save this search as an alert" })).toBeVisible();
});
