import { addDays, format } from "date-fns";
import { expect, expectAccessible, readLatestMail, signIn, signOut, test } from "./support";

/**
 * Early-career assignments and the area view over the demo's ECT programme (db/seed/programmes.ts). Eve Early, the
 * demo ECT at Northbrook, has no assignment in the demo; this journey gives her one at Riverside Academy (the school
 * of the placement season's Riverside mentor), months ahead so it overlaps nothing.
 */
const day = (days: number) => format(addDays(new Date(), days), "yyyy-MM-dd");

test("a tutor proposes an assignment, the host accepts it, and the partnership admin sees the area", async ({
  page,
}) => {
  await signIn(page, "induction@northbrook.example");
  await page.goto("/programmes/assignments");
  await expect(page.getByRole("heading", { name: "Early-career assignments", level: 1 })).toBeVisible();
  await expectAccessible(page);

  // A last day before the first is refused at the field, and proposes nothing.
  const ects = page.getByLabel("Early career teacher");
  const eve = await ects.locator("option", { hasText: /^Eve Early / }).getAttribute("value");
  if (!eve) throw new Error("Eve Early is not among the tutor's ECTs");
  await ects.selectOption(eve);
  const host = page.getByLabel("Host school");
  const riverside = await host.locator("option", { hasText: /^Riverside Academy(,|$)/ }).getAttribute("value");
  if (!riverside) throw new Error("Riverside Academy is not among the host schools");
  await host.selectOption(riverside);
  await page.getByLabel("First day").fill(day(160));
  await page.getByLabel("Last day").fill(day(150));
  await page.getByLabel("What it is for").fill("A term in a contrasting school, to plan a unit with its English lead.");
  await page.getByRole("button", { name: "Propose the assignment" }).click();
  await expect(page.locator("#propose-endsOn-error")).toContainText("on or after the first day");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);

  await page.getByLabel("Last day").fill(day(190));
  await page.getByRole("button", { name: "Propose the assignment" }).click();
  await expect(
    page.getByText("Assignment proposed: the schools that still have to accept it have been e-mailed."),
  ).toBeVisible();
  const proposed = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Eve Early at Riverside Academy" }) });
  await expect(proposed).toContainText("Proposed, waiting for Riverside Academy to accept");
  await expect(proposed.getByRole("button", { name: /^Accept/ })).toHaveCount(0);
  await readLatestMail(page, "hr@riverside.example", "Assignment proposed: Eve Early at Riverside Academy");
  await signOut(page);

  // The host's HR accepts: both schools have, so it is agreed and the ECT hears.
  await signIn(page, "hr@riverside.example");
  await page.goto("/programmes/assignments");
  const waiting = page
    .getByRole("region", { name: "Waiting for your answer" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Eve Early at Riverside Academy" }) });
  await expect(waiting).toContainText("Employed by");
  await expectAccessible(page);
  await waiting.getByRole("button", { name: "Accept Eve Early at Riverside Academy for Riverside Academy" }).click();
  await expect(page.getByText("Assignment accepted by both schools.")).toBeVisible();
  const agreed = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Eve Early at Riverside Academy" }) });
  await expect(agreed).toContainText("Accepted by both schools");
  await expectAccessible(page);
  await readLatestMail(page, "ect@northbrook.example", "Assignment agreed: Eve Early at Riverside Academy");

  // The area view is the partnership admin's alone.
  const refused = await page.goto("/programmes/area/demo-vale");
  expect(refused?.status()).toBe(404);
  await signOut(page);

  await signIn(page, "admin@staffroom.example");
  await page.goto("/programmes/area/demo-vale");
  await expect(
    page.getByRole("heading", { name: "Demo Vale Schools Partnership: ECT programmes across the area", level: 1 }),
  ).toBeVisible();
  const sending = page.getByRole("table", { name: "Early career teachers by school and programme" });
  await expect(sending.getByRole("columnheader", { name: "Demo Vale Early Career Programme" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Sessions hosted by school" }).getByRole("row")).toHaveCount(4);
  await expect(page.getByRole("table", { name: "Cohorts' average engagement" })).toContainText("%");
  await expectAccessible(page);
});
