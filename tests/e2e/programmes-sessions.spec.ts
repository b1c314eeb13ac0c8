import { addDays, format, parseISO } from "date-fns";
import { academicYearOf } from "../../app/vocabulary/academic-years";
import { londonToday } from "../../app/vocabulary/london-time";
import { journeyProgramme } from "./programmes-fixture";
import { expect, expectAccessible, readLatestMail, signIn, signOut, test } from "./support";

/**
 * A programme lead (the demo partnership's admin) adds a session for today to the journey's cohort
 * (tests/e2e/programmes-fixture.ts: one ECT, Esme, enrolled), names a facilitator, who takes the register on a phone;
 * then the lead moves the session, and Esme and her induction tutor are e-mailed what changed.
 */
const shift = (day: string, days: number) => format(addDays(parseISO(day), days), "yyyy-MM-dd");

test("a lead adds a session, the facilitator takes the register on a phone, and a moved session e-mails the ECT", async ({
  page,
}) => {
  const title = `Routines that stick ${Date.now()}`;
  const today = londonToday(new Date());
  // A week later, or earlier when a week later is in the next academic year (the cohort's year 1 is this one).
  const moved = [shift(today, 7), shift(today, -7)].find((d) => academicYearOf(d) === academicYearOf(today))!;

  await signIn(page, "admin@staffroom.example");
  await page.goto("/programmes");
  await expect(page.getByRole("heading", { level: 1, name: "ECT programmes" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: journeyProgramme.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: journeyProgramme.name })).toBeVisible();
  await page.getByLabel("Facilitator's e-mail address").fill("mentor@northbrook.example");
  await page.getByRole("button", { name: "Add the facilitator" }).click();
  await expect(page.getByText("Max Mentor is now a facilitator")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: /autumn start$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /autumn start$/ })).toBeVisible();
  await expectAccessible(page);
  // Ending before it starts is refused at the field, with the error summary, and adds nothing.
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Date", { exact: true }).fill(today);
  await page.getByLabel("Start time").fill("10:00");
  await page.getByLabel("End time").fill("09:00");
  await page.getByLabel("Online").check();
  await page.getByLabel("Facilitator", { exact: true }).selectOption({ label: "Max Mentor" });
  await page.getByRole("button", { name: "Add the session" }).click();
  await expect(page.locator("#session-endTime-error")).toContainText("The session must end after it starts");
  await expect(page.getByLabel("End time")).toHaveAccessibleDescription(/must end after it starts/);
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel("End time").fill("11:30");
  await page.getByRole("button", { name: "Add the session" }).click();
  await expect(page.getByText("Session added: 1 enrolled ECT is booked on it.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText("1 of 30 places booked");
  await signOut(page);

  // The facilitator, on a phone.
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, "mentor@northbrook.example");
  await page.goto("/programmes");
  await page.getByRole("link", { name: `Register for ${title}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Register: ${title}` })).toBeVisible();
  await expectAccessible(page);
  const fitsTheScreen = () =>
    page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  expect(await fitsTheScreen()).toBe(true);
  const esme = page.getByRole("group", { name: new RegExp(journeyProgramme.ectName) });
  await esme.getByRole("radio", { name: "Excused" }).check();
  await page.getByRole("button", { name: "Save the register" }).click();
  const reason = page.getByLabel(new RegExp(`Reason for ${journeyProgramme.ectName}`));
  await expect(reason).toHaveAccessibleDescription(/Give the reason the ECT is excused/);
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  await reason.fill("Hospital appointment");
  await page.getByRole("button", { name: "Save the register" }).click();
  await expect(page.getByText("Register saved: 1 mark recorded.")).toBeVisible();
  await expect(page.getByText("1 of 1 marked.")).toBeVisible();
  await expect(esme.getByRole("radio", { name: "Excused" })).toBeChecked();
  expect(await fitsTheScreen()).toBe(true);
  await expectAccessible(page);
  await signOut(page);

  // The lead moves the session to a school: Esme and her tutor hear at once.
  await page.setViewportSize({ width: 1280, height: 720 });
  await signIn(page, "admin@staffroom.example");
  await page.goto("/programmes");
  await page.getByRole("link", { name: journeyProgramme.name }).click();
  await page.getByRole("link", { name: /autumn start$/ }).click();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Date", { exact: true }).fill(moved);
  await page.getByLabel("At a host school").check();
  await page.getByLabel("Host school (when at a school)").selectOption({ index: 1 });
  await page.getByLabel("Room (optional)").fill("Hall");
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect(
    page.getByText("Session updated: 2 e-mails sent to the booked ECTs and their tutors, saying what changed."),
  ).toBeVisible();
  await expectAccessible(page);

  const toEsme = await readLatestMail(page, journeyProgramme.ectEmail, `Session changed: ${title}`);
  expect(toEsme.text).toMatch(/Time: now .* \(was .*10:00am to 11:30am\)/);
  expect(toEsme.text).toContain("Place: now Hall, ");
  const toTutor = await readLatestMail(page, journeyProgramme.tutorEmail, `Session changed: ${title}`);
  expect(toTutor.text).toContain(`booked for ${journeyProgramme.ectName}`);
});
