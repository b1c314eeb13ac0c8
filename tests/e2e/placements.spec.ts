import type { Page } from "@playwright/test";
import { formatPeriod } from "../../app/placements/academic-year";
import { countSchoolDays } from "../../app/placements/school-days";
import { demoPlacementSeason } from "../../db/seed/placement-season";
import { expect, expectAccessible, readLatestMail, signIn, signOut, test } from "./support";

// The dates the server's demo seed chose today (db/seed/placement-season.ts).
const season = demoPlacementSeason();
const SPRING_SUMMER = formatPeriod(season.springSummer.startsOn, season.springSummer.endsOn);

/** The value of the first offer in the booking form whose label says `window`, skipping schools already used. */
async function offerFor(page: Page, window: string, notAt: string[] = []): Promise<{ value: string; school: string }> {
  const options = await page
    .getByLabel("Offer", { exact: true })
    .locator("option")
    .evaluateAll((els) => els.map((e) => ({ value: (e as HTMLOptionElement).value, label: e.textContent ?? "" })));
  const found = options.find((o) => o.value && o.label.includes(window) && !notAt.some((s) => o.label.startsWith(s)));
  if (!found) throw new Error(`No offer for ${window} in ${JSON.stringify(options)}`);
  return { value: found.value, school: found.label.replace(/ \(.*$/, "") };
}

test("an ITT coordinator builds a two-school rotation for a trainee, with errors at the fields first", async ({
  page,
}) => {
  await signIn(page, "itt@vale.example");
  await page.getByRole("link", { name: "Placements", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Placements", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Vale Teacher Training: trainees and rotations" }).click();
  await expect(page.getByRole("heading", { name: "Vale Teacher Training: trainees", level: 1 })).toBeVisible();
  const gaps = page.locator("h2:has-text('Trainees without a second school') + ul");
  await expect(gaps).toContainText("Priya Patel: no school yet");
  await expectAccessible(page);

  await gaps.getByRole("link", { name: "Priya Patel" }).click();
  await expect(page.getByRole("heading", { name: "Priya Patel: rotation", level: 1 })).toBeVisible();
  await expect(page.getByText("No placements yet.")).toBeVisible();
  await expectAccessible(page);

  // The last day before the first: refused at the field, nothing booked.
  const first = await offerFor(page, SPRING_SUMMER);
  await page.getByLabel("Offer", { exact: true }).selectOption(first.value);
  await page.getByLabel("Which placement").selectOption("A");
  await page.getByLabel("First day").fill(season.springB.endsOn);
  await page.getByLabel("Last day").fill(season.springB.startsOn);
  await page.getByRole("button", { name: "Book the placement" }).click();
  await expect(page.locator("#book-endsOn-error")).toContainText("The last day must be on or after the first day");
  await expect(page.getByLabel("Last day")).toHaveAccessibleDescription(
    /The last day must be on or after the first day/,
  );
  await expect(page.getByText("No placements yet.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("First day").fill(season.springB.startsOn);
  await page.getByLabel("Last day").fill(season.springB.endsOn);
  await page.getByRole("button", { name: "Book the placement" }).click();
  await expect(
    page.getByText("Placement booked: the school has been asked to accept it and name a mentor."),
  ).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: "one school so far" })).toBeVisible();

  const second = await offerFor(page, SPRING_SUMMER, [first.school]);
  await page.getByLabel("Offer", { exact: true }).selectOption(second.value);
  await page.getByLabel("Which placement").selectOption("B");
  await page.getByLabel("First day").fill(season.waitingListSummer.startsOn);
  await page.getByLabel("Last day").fill(season.waitingListSummer.endsOn);
  await page.getByRole("button", { name: "Book the placement" }).click();
  await expect(page.getByText("Placement booked")).toBeVisible();

  const rows = page.getByRole("table", { name: "Placements of Priya Patel" }).getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText(first.school);
  await expect(rows.nth(1)).toContainText(formatPeriod(season.springB.startsOn, season.springB.endsOn));
  await expect(rows.nth(2)).toContainText(second.school);
  await expect(rows.nth(2)).toContainText("Confirmed by the provider, waiting for the school");
  await expect(rows.nth(2)).toContainText("in a straight line");
  await expect(page.getByRole("note").filter({ hasText: "one school so far" })).toHaveCount(0);
  await expect(page.getByText(/\d+ of 120 booked/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "All trainees of Vale Teacher Training" }).click();
  await expect(page.locator("h2:has-text('Trainees without a second school') + ul")).not.toContainText("Priya Patel");
});

test("a school accepts a placement and names the mentor; the trainee sees it on their rotation", async ({ page }) => {
  await signIn(page, "hr@northbrook.example");
  await page.goto("/placements");
  await page.getByRole("link", { name: "Northbrook Academy: offers and requests" }).click();
  await expect(page.getByRole("heading", { name: "Northbrook Academy: placements", level: 1 })).toBeVisible();
  const request = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Tom Trainee/ }) });
  await expect(request).toContainText(`Placement B, ${formatPeriod(season.springB.startsOn, season.springB.endsOn)}`);
  await expectAccessible(page);

  // Accepting without a mentor is refused at the field.
  await request.getByRole("button", { name: "Accept Tom Trainee" }).click();
  await expect(page.getByText("Choose the trainee's mentor").first()).toBeVisible();
  await page.getByLabel("Mentor for Tom Trainee").selectOption({ label: "Max Mentor" });
  await page.getByRole("button", { name: "Accept Tom Trainee" }).click();
  await expect(page.getByText("Placement updated: accepted by the school.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Placements at Northbrook Academy" })).toContainText("Max Mentor");
  await expectAccessible(page);

  const mail = await readLatestMail(
    page,
    "trainee@staffroom.example",
    "Placement confirmed: Tom Trainee at Northbrook Academy",
  );
  expect(mail.text).toContain("with Max Mentor as mentor");

  await signOut(page);
  await signIn(page, "trainee@staffroom.example");
  await page.getByRole("link", { name: "Placements", exact: true }).click();
  await page.getByRole("link", { name: "Your rotation" }).click();
  await expect(page.getByRole("heading", { name: "Your rotation", level: 1 })).toBeVisible();
  const rows = page.getByRole("table", { name: "Placements of Tom Trainee" }).getByRole("row");
  await expect(rows.nth(1)).toContainText("Completed");
  await expect(rows.nth(2)).toContainText("Northbrook Academy");
  await expect(rows.nth(2)).toContainText("Accepted by the school. Mentor: Max Mentor");
  // The school's INSET day on the first day of the spring term is not a school day, nor are bank holidays (Good
  // Friday falls inside placement B in 2027; the count depends on the season's year).
  const b = countSchoolDays(season.springB.startsOn, season.springB.endsOn, [season.inset]);
  expect(b.closures).toBe(1);
  await expect(rows.nth(2)).toContainText(
    `${b.days} (not counting ${b.bankHolidays} bank holiday${b.bankHolidays === 1 ? "" : "s"} and 1 closure or INSET day)`,
  );
  await expect(page.getByText(/\d+ of 120 booked: \d+ days short/)).toBeVisible();
  await expectAccessible(page);
});
