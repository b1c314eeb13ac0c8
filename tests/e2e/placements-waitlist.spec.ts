import { formatPeriod } from "../../app/placements/academic-year";
import { demoPlacementSeason } from "../../db/seed/placement-season";
import { expect, expectAccessible, readLatestMail, signIn, test } from "./support";

// The dates the server's demo seed chose today (db/seed/placement-season.ts).
const season = demoPlacementSeason();

/**
 * The demo's one-place summer offer is booked by Ava Clarke, with Noah Hughes first on its waiting list and Isla
 * Grant second (db/seed/placements.ts).
 */
test("a cancellation is e-mailed to all sides and the next trainee on the waiting list gets the place", async ({
  page,
}) => {
  await signIn(page, "itt@vale.example");
  await page.goto("/placements/providers/vale-teacher-training");
  await page.getByRole("link", { name: "Ava Clarke" }).first().click();
  await expect(page.getByRole("heading", { name: "Ava Clarke: rotation", level: 1 })).toBeVisible();
  const row = page.getByRole("table", { name: "Placements of Ava Clarke" }).getByRole("row").nth(1);
  const [school] = (await row.getByRole("cell").first().innerText()).split(",");
  if (!school) throw new Error("The offer's row names no school");

  // A cancellation without a reason is refused at the field.
  await row.getByRole("button", { name: "Cancel placement" }).click();
  await expect(page.getByRole("alert")).toContainText("Give a reason of at least 5 characters");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  await page.getByLabel("Reason", { exact: true }).fill("Ava has moved to a school-centred programme");
  await page.getByRole("button", { name: "Cancel placement" }).click();
  await expect(page.getByText("Placement updated: cancelled.")).toBeVisible();

  const cancelled = await readLatestMail(
    page,
    "ava.clarke@trainee.example",
    `Placement cancelled: Ava Clarke at ${school}`,
  );
  expect(cancelled.text).toContain("Reason given: Ava has moved to a school-centred programme");
  const held = await readLatestMail(
    page,
    "noah.hughes@trainee.example",
    `Placement place held: Noah Hughes at ${school}`,
  );
  expect(held.text).toMatch(/Confirm it or decline it by the end of \w+day/);
  await readLatestMail(page, "itt@vale.example", `Placement place held: Noah Hughes at ${school}`);

  await page.getByRole("link", { name: "All trainees of Vale Teacher Training" }).click();
  await page.getByRole("link", { name: "Noah Hughes" }).first().click();
  const waiting = page.getByRole("region", { name: "Waiting lists" });
  await expect(waiting).toContainText(`a place is held for Noah Hughes until the end of`);
  await expectAccessible(page);
  await waiting.getByRole("button", { name: `Confirm the held place at ${school}` }).click();
  await expect(page.getByText("Held place booked")).toBeVisible();
  const rows = page.getByRole("table", { name: "Placements of Noah Hughes" }).getByRole("row");
  await expect(rows.nth(1)).toContainText(school);
  await expect(rows.nth(1)).toContainText(
    formatPeriod(season.waitingListSummer.startsOn, season.waitingListSummer.endsOn),
  );
  await expect(rows.nth(1)).toContainText("Confirmed by the provider, waiting for the school");
  await expect(page.getByRole("region", { name: "Waiting lists" })).toHaveCount(0);
  await expectAccessible(page);

  // Isla, second in the queue, is still waiting: now first.
  await page.getByRole("link", { name: "All trainees of Vale Teacher Training" }).click();
  await page.getByRole("link", { name: "Isla Grant" }).first().click();
  await expect(page.getByRole("region", { name: "Waiting lists" })).toContainText("number 1 on the waiting list");
});

test("the trainee subscribes to their placements' calendar: the link serves an iCalendar feed", async ({ page }) => {
  await signIn(page, "trainee@staffroom.example");
  await page.goto("/placements/mine");
  await page
    .getByRole("button", { name: /calendar link/ })
    .first()
    .click();
  const link = page.getByRole("status").getByRole("link");
  await expect(link).toBeVisible();
  const url = (await link.getAttribute("href"))!;
  expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]+\.ics$/);
  await expectAccessible(page);

  const feed = await page.request.get(new URL(url).pathname);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const body = await feed.text();
  expect(body).toMatch(/^BEGIN:VCALENDAR/);
  // Tom's placement B at Northbrook Academy, all day from its first to its last day (DTEND is the day after).
  const events = body.split("BEGIN:VEVENT").slice(1);
  const b = events.find((e) => e.includes("SUMMARY:Tom Trainee at Northbrook Academy"));
  expect(b).toBeDefined();
  const dayAfter = new Date(Date.parse(`${season.springB.endsOn}T00:00:00Z`) + 86_400_000).toISOString();
  expect(b).toContain(`DTSTART;VALUE=DATE:${season.springB.startsOn.replaceAll("-", "")}`);
  expect(b).toContain(`DTEND;VALUE=DATE:${dayAfter.slice(0, 10).replaceAll("-", "")}`);
});
