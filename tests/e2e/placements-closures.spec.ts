import type { Page } from "@playwright/test";
import { formatDay } from "../../app/placements/academic-year";
import { countSchoolDays, type SchoolDayCount } from "../../app/placements/school-days";
import { demoPlacementSeason } from "../../db/seed/placement-season";
import { expect, expectAccessible, signIn, signOut, test } from "./support";

/**
 * Sam Shah's placement A, confirmed for the demo's spring placement dates at the local authority's primary school
 * (db/seed/placements.ts), which hr@demoshire.example runs. No other journey touches Sam or that school's days.
 */
const season = demoPlacementSeason();
// The Tuesday of the spring placement's first week: a weekday after New Year's Day, so never a bank holiday.
const inset = new Date(Date.parse(`${season.springB.startsOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** How the rotation's "School days" cell reads a count (app/placements/components/rotation-view.tsx). */
function daysText(c: SchoolDayCount): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return c.bankHolidays + c.closures > 0
    ? `${c.days} (not counting ${plural(c.bankHolidays, "bank holiday")} and ${plural(c.closures, "closure or INSET day")})`
    : String(c.days);
}

async function samsPlacementA(page: Page) {
  await page.goto("/placements/providers/vale-teacher-training");
  await page.getByRole("link", { name: "Sam Shah" }).first().click();
  await expect(page.getByRole("heading", { name: "Sam Shah: rotation", level: 1 })).toBeVisible();
  const row = page
    .getByRole("table", { name: "Placements of Sam Shah" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Placement A" }) });
  const cells = row.getByRole("cell");
  const [school] = (await cells.nth(0).innerText()).split(",");
  if (!school) throw new Error("Sam's placement A names no school");
  const booked = page.getByText(/^\d+ of 120 booked/);
  return { row, school, days: cells.nth(2), booked: Number((await booked.innerText()).split(" ")[0]) };
}

test("a school marks an INSET day and a placement's school-day count there leaves it out", async ({ page }) => {
  const expected = countSchoolDays(season.springB.startsOn, season.springB.endsOn);
  const after = countSchoolDays(season.springB.startsOn, season.springB.endsOn, [inset]);
  expect(after).toMatchObject({ days: expected.days - 1, closures: 1 });

  await signIn(page, "itt@vale.example");
  const before = await samsPlacementA(page);
  await expect(before.row).toContainText(formatDay(season.springB.startsOn));
  await expect(before.days).toContainText(daysText(expected));
  await signOut(page);

  await signIn(page, "hr@demoshire.example");
  await page.goto("/placements");
  await page.getByRole("link", { name: `${before.school}: offers and requests` }).click();
  await expect(page.getByRole("heading", { name: `${before.school}: placements`, level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: `Placements at ${before.school}` })).toContainText("Sam Shah");

  // A day that is not a date is refused at the field, and marks nothing.
  await page.getByRole("button", { name: "Mark the day" }).click();
  await expect(page.locator("#closure-day-error")).toContainText("Enter the closed day");
  await expect(page.getByLabel("Day", { exact: true })).toHaveAccessibleDescription(/Enter the closed day/);
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);

  await page.getByLabel("Day", { exact: true }).fill(inset);
  await page.getByLabel("Kind of day").selectOption({ label: "INSET (training) day" });
  await page.getByRole("button", { name: "Mark the day" }).click();
  await expect(
    page.getByText(`${formatDay(inset)} is marked as an INSET day: placements there do not count it.`),
  ).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `${formatDay(inset)}: INSET day` })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, "itt@vale.example");
  const now = await samsPlacementA(page);
  await expect(now.days).toContainText(daysText(after));
  expect(now.booked).toBe(before.booked - 1);
  await expectAccessible(page);
});
