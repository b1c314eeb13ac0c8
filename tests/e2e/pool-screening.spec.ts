import { addDays, format } from "date-fns";
import { defaultCriteria } from "../../app/vocabulary/pool";
import { expect, expectAccessible, readLatestMail, signIn, test } from "./support";

/**
 * The pool from both ends of screening, on a round this journey opens itself (so the demo's rounds, which other
 * journeys use, are left alone): the partnership admin opens it with Northbrook Primary Academy taking part and
 * Northbrook's HR on the panel; the demo teacher applies with their preferences and consent; the panel scores them
 * and moves them to interview; they book an interview slot; the panel takes them into the pool.
 */
const day = (days: number) => format(addDays(new Date(), days), "yyyy-MM-dd");
const roundName = `Demo Vale primary pool ${Date.now()}`;

test("a teacher applies to a round, books an interview, and the panel screens them into the pool", async ({
  page,
  browser,
}) => {
  // Each person keeps their own browser, signed in once (two-step sign-in waits for a fresh code each time).
  const teacher = await (await browser.newContext()).newPage();
  const panel = await (await browser.newContext()).newPage();
  await signIn(page, "admin@staffroom.example");
  await page.goto("/pool/manage");
  await expect(page.getByRole("heading", { name: "Run the teacher pool", level: 1 })).toBeVisible();
  await expectAccessible(page);
  // A round that closes before it opens is refused at the field.
  await page.getByLabel("Name", { exact: true }).fill(roundName);
  await page.getByLabel("Phase").selectOption("primary");
  await page.getByLabel("Opens on").fill(day(0));
  await page.getByLabel("Closes on").fill(day(-1));
  await page.getByLabel("Observed lesson").uncheck();
  await page.getByRole("button", { name: "Open the round" }).click();
  await expect(page.locator("#round-closesOn-error")).toContainText("on or after the opening");
  await expect(page).toHaveTitle(/^Error: /);
  await page.getByLabel("Closes on").fill(day(60));
  await page.getByRole("button", { name: "Open the round" }).click();
  await expect(page.getByText(`${roundName} is set up.`)).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel(/^Northbrook Primary Academy \(/).check();
  await page.getByRole("button", { name: "Save the schools" }).click();
  await expect(page.getByText("1 school take part")).toBeVisible();
  await page.getByLabel("Add to the panel: e-mail of their Staffroom account").fill("hr@northbrook.example");
  await page.getByRole("button", { name: "Add to the panel" }).click();
  await expect(page.getByText(/is on the panel\.$/)).toBeVisible();
  await page.getByLabel("Date", { exact: true }).fill(day(14));
  await page.getByLabel("First slot starts (24-hour clock)").fill("09:00");
  await page.getByLabel("Last slot ends by").fill("10:00");
  await page.getByLabel("Host school").selectOption({ label: "Northbrook Primary Academy" });
  await page.getByRole("button", { name: "Add the slots" }).click();
  await expect(page.getByText("2 interview slots added.")).toBeVisible();

  // The teacher applies once, with preferences and consent.
  await signIn(teacher, "teacher@staffroom.example");
  await teacher.goto("/pool");
  await teacher.getByRole("link", { name: roundName }).click();
  await expect(teacher.getByRole("heading", { name: roundName, level: 1 })).toBeVisible();
  await expectAccessible(teacher);
  await teacher.getByRole("button", { name: "Apply to this round" }).click();
  await expect(teacher.getByRole("heading", { name: `Apply to ${roundName}`, level: 1 })).toBeVisible();
  await teacher.getByLabel("The postcode you travel from").fill("ZZ9 9ZZ");
  await teacher.getByLabel("The date you can start").fill(day(200));
  await teacher.getByRole("button", { name: "Save your preferences" }).click();
  await expect(teacher.locator("#preferences-postcode-error")).toContainText("could not find that postcode");
  await expectAccessible(teacher);
  await teacher.getByLabel("The postcode you travel from").fill("DV1");
  await teacher.getByRole("button", { name: "Save your preferences" }).click();
  await expect(teacher.getByText("Your preferences are saved.")).toBeVisible();
  await teacher.getByLabel(/show my profile to the schools taking part/).check();
  await teacher.getByRole("button", { name: "Send the application" }).click();
  await expect(teacher.getByText("Your application is sent.")).toBeVisible();
  const mine = teacher.getByRole("region", { name: roundName });
  await expect(mine).toContainText("Being screened: Application review");
  await readLatestMail(teacher, "teacher@staffroom.example", `Application received: ${roundName}`);

  // The panel scores every criterion and moves them on to interview.
  await signIn(panel, "hr@northbrook.example");
  await panel.goto("/pool");
  await panel.getByRole("region", { name: "Rounds you screen" }).getByRole("link", { name: roundName }).click();
  await expect(panel.getByRole("heading", { name: `Screening: ${roundName}`, level: 1 })).toBeVisible();
  await expectAccessible(panel);
  await panel.getByRole("link", { name: "Tess Teacher" }).click();
  await panel.getByRole("button", { name: "Move on to interview" }).click();
  await expect(panel.getByText("Score every criterion at this step")).toBeVisible();
  for (const criterion of defaultCriteria)
    await panel.getByRole("group", { name: criterion }).getByLabel("3 – Met").check();
  await panel.getByLabel(/^Notes/).fill("Clear plans, warm manner.");
  await panel.getByRole("button", { name: "Save your scores" }).click();
  await expect(panel.getByText("Your scores are saved.")).toBeVisible();
  await expectAccessible(panel);
  await panel.getByRole("button", { name: "Move on to interview" }).click();
  await expect(panel.getByText("Moved on to: Interview.")).toBeVisible();

  // The candidate books one of the interview slots.
  await readLatestMail(teacher, "teacher@staffroom.example", `Next step: ${roundName}`);
  await teacher.goto("/pool/mine");
  const region = teacher.getByRole("region", { name: roundName });
  await region.getByLabel("Choose your interview time").selectOption({ index: 0 });
  await region.getByRole("button", { name: "Book this time" }).click();
  await expect(teacher.getByText("Booked. The time is on your pool page.")).toBeVisible();
  await expect(teacher.getByRole("region", { name: roundName })).toContainText("Your booked times");
  await expectAccessible(teacher);

  // After the interview the panel takes them into the pool.
  await panel.goto("/pool");
  await panel.getByRole("region", { name: "Rounds you screen" }).getByRole("link", { name: roundName }).click();
  await panel.getByRole("link", { name: "Tess Teacher" }).click();
  await expect(panel.getByText(/Booked for interview:/)).toBeVisible();
  for (const criterion of defaultCriteria)
    await panel.getByRole("group", { name: criterion }).getByLabel("4 – Exceeded").check();
  await panel.getByRole("button", { name: "Save your scores" }).click();
  await panel.getByRole("button", { name: "Take into the pool" }).click();
  await expect(panel.getByText("Moved into the pool.")).toBeVisible();

  await teacher.goto("/pool/mine");
  await expect(teacher.getByRole("region", { name: roundName })).toContainText("In the pool");
  await readLatestMail(teacher, "teacher@staffroom.example", `You are in the pool: ${roundName}`);
});
