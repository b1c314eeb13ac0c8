import { planningYear } from "../../app/vocabulary/academic-years";
import { expect, expectAccessible, signIn, signOut, test } from "./support";

/**
 * The induction tutor's, the mentor's and the ECT's journeys through the ECT pages, on the demo seed
 * (db/seed/programmes.ts): Ines (induction@northbrook.example) tutors at Northbrook Learning Trust; Nell Nolan
 * (ect-mentor@northbrook.example) mentors one ECT at Northbrook Primary Academy, under the cap of two, and no trainee
 * (Max Mentor's placements change as other journeys run); Eve Early (ect@northbrook.example) is in the current
 * cohort of the Demo Vale Early Career Programme, with registers taken.
 */
const cohortLabel = `Demo Vale Early Career Programme: Autumn ${planningYear()} starters`;

test("an induction tutor registers an ECT, assigns a mentor and enrols them in a cohort", async ({ page }) => {
  await signIn(page, "induction@northbrook.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "ECTs" }).click();
  await expect(page.getByRole("heading", { name: "Early career teachers", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "ECTs at your schools" })).toContainText("Eve Early");
  await expectAccessible(page);

  // Nothing typed: errors at the fields, a summary that takes focus, and the page title says so.
  await page.getByRole("button", { name: "Register and invite" }).click();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.locator("#ect-error-summary")).toBeFocused();
  await expect(page.locator("#ect-trn-error")).toContainText("teacher reference number");
  await expectAccessible(page);

  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Register and invite" }) });
  await form.getByLabel("School").selectOption({ label: "Northbrook Primary Academy" });
  await form.getByLabel("Full name").fill("Nia Newton");
  await form.getByLabel("E-mail address").fill("nia.newton@ects.example");
  await form.getByLabel("Teacher reference number (TRN)").fill("12 345");
  await form.getByLabel("Induction start date").fill(`${planningYear()}-09-01`);
  await form.getByLabel("Appropriate body").fill("Demo Vale Teaching School Hub");
  await form.getByRole("button", { name: "Register and invite" }).click();
  await expect(page.locator("#ect-trn-error")).toContainText("7 digits");
  // What was typed is still there to correct.
  await expect(form.getByLabel("Full name")).toHaveValue("Nia Newton");
  await form.getByLabel("Teacher reference number (TRN)").fill("48 21 907");
  await form.getByRole("button", { name: "Register and invite" }).click();

  await expect(page.getByRole("heading", { name: "Nia Newton", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").first()).toContainText("registered and invited");
  const mentor = page.getByRole("combobox", { name: "Mentor", exact: true });
  const nell = (await mentor.locator("option", { hasText: "Nell Nolan" }).textContent()) ?? "";
  expect(nell).toMatch(/Nell Nolan \(mentoring 1 of 2\)/);
  await mentor.selectOption({ label: nell });
  await page.getByRole("button", { name: "Assign mentor" }).click();
  await expect(page.getByRole("status").first()).toContainText("Mentor assigned");
  await expect(page.getByText(/^Nell Nolan, since/)).toBeVisible();

  const cohort = page.getByLabel("Enrol in a cohort");
  const option = (await cohort.locator("option", { hasText: cohortLabel }).textContent()) ?? "";
  await cohort.selectOption({ label: option });
  await page.getByRole("button", { name: "Enrol", exact: true }).click();
  await expect(page.getByRole("status").first()).toContainText("core sessions are booked");
  await expect(page.getByText(new RegExp(`${cohortLabel}: \\d+ sessions? booked`))).toBeVisible();
  await expect(page.getByRole("table", { name: "Training sessions" })).toContainText(
    "Demo Vale Early Career Programme",
  );
  await expectAccessible(page);

  // Nell now mentors two ECTs: the cap of two shows in the choice for the next one.
  await page.goto("/ects");
  await page.getByRole("link", { name: "Nia Newton" }).click();
  await expect(
    page.getByRole("combobox", { name: "New mentor" }).locator("option", { hasText: "Nell Nolan" }),
  ).toHaveText(/mentoring 2 of 2/);
  await signOut(page);

  // The mentor reads their mentees' records, without the tutor's forms.
  await signIn(page, "ect-mentor@northbrook.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Mentees" }).click();
  await page.getByRole("link", { name: "Nia Newton" }).click();
  await expect(page.getByRole("heading", { name: "Nia Newton", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Assign mentor" })).toHaveCount(0);
  await expectAccessible(page);
});

test("an ECT sees their timetable with the registers, chooses an optional session and subscribes to the calendar", async ({
  page,
}) => {
  await signIn(page, "ect@northbrook.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your induction" }).click();
  await expect(page.getByRole("heading", { name: "Your induction", level: 1 })).toBeVisible();
  const sessions = page.getByRole("table", { name: "Training sessions" });
  await expect(sessions).toContainText("Present");
  await expect(page.getByText(/% of expected sessions attended/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Hours of training each term against released time" })).toContainText(
    `Autumn ${planningYear()}/`,
  );
  await expectAccessible(page);

  // Two breakouts run at the same time, and Eve holds a place at the maths one: the phonics one is refused, saying
  // why, until she gives that place up.
  const maths = "Subject knowledge in maths (secondary breakout)";
  const phonics = "Phonics and early reading (primary breakout)";
  await expect(sessions).toContainText(maths);
  await page.getByRole("button", { name: `Book a place for ${phonics}` }).click();
  await expect(page.locator("#choose-error-summary")).toBeFocused();
  await expect(page.locator("#choose-error-summary")).toContainText(`overlaps “${maths}”`);
  await expectAccessible(page);
  await page.getByRole("button", { name: `Give up this place for ${maths}` }).click();
  await expect(page.getByRole("status").first()).toContainText("Place given up");
  await page.getByRole("button", { name: `Book a place for ${phonics}` }).click();
  await expect(page.getByRole("status").first()).toContainText("Place booked");
  await expect(sessions).toContainText(phonics);
  await expect(sessions).not.toContainText(maths);

  await page.getByRole("button", { name: "Get a calendar link" }).click();
  const link = page.getByRole("status").filter({ hasText: "Your calendar link" }).getByRole("link");
  const url = (await link.getAttribute("href")) ?? "";
  expect(url).toMatch(/\/calendar\/[^/]+\.ics$/);
  const feed = await page.request.get(new URL(url).pathname);
  expect(feed.ok()).toBe(true);
  const ics = await feed.text();
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain("Phonics and early reading");
});
