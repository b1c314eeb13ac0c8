import { academicYearLabel } from "../../app/placements/academic-year";
import { demoPlacementSeason } from "../../db/seed/placement-season";
import { expect, expectAccessible, firstLinkIn, readLatestMail, signIn, signOut, test } from "./support";

/**
 * Vale Teacher Training and Northbrook Academy work together in the demo's season (db/seed/placements.ts); the
 * journey agrees the next year's, which nothing else in the demo or the other journeys touches.
 */
const nextYear = academicYearLabel(demoPlacementSeason().year + 1);

test("a provider asks a school for a placement agreement and the school's HR accepts it", async ({ page }) => {
  await signIn(page, "itt@vale.example");
  await page.goto("/placements/providers/vale-teacher-training");
  await page.getByRole("link", { name: "Placement agreements with schools" }).click();
  await expect(
    page.getByRole("heading", { name: "Vale Teacher Training: placement agreements", level: 1 }),
  ).toBeVisible();
  await expectAccessible(page);

  // Asking without choosing a school is refused at the field, and asks nobody.
  await page.getByLabel("Academic year").selectOption({ label: nextYear });
  await page.getByRole("button", { name: "Ask for the agreement" }).click();
  await expect(page.locator("#agreement-schoolId-error")).toContainText("Choose a school");
  await expect(page.getByLabel("School", { exact: true })).toHaveAccessibleDescription(/Choose a school/);
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);

  // The schools are listed with their towns: "Northbrook Academy, <town>".
  const schools = page.getByLabel("School", { exact: true });
  const northbrook = await schools.locator("option", { hasText: /^Northbrook Academy(,|$)/ }).getAttribute("value");
  if (!northbrook) throw new Error("Northbrook Academy is not among the schools to ask");
  await schools.selectOption(northbrook);
  await page.getByLabel("Academic year").selectOption({ label: nextYear });
  await page.getByRole("button", { name: "Ask for the agreement" }).click();
  await expect(page.getByText("Agreement requested: the school's HR have been e-mailed to accept it.")).toBeVisible();
  const asked = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: `Northbrook Academy, ${nextYear}` }) });
  await expect(asked).toContainText("Asked by you, waiting for the school");
  await expect(asked.getByRole("button", { name: /^Accept/ })).toHaveCount(0);

  const request = await readLatestMail(
    page,
    "hr@northbrook.example",
    `Placement agreement request: Vale Teacher Training and Northbrook Academy, ${nextYear}`,
  );
  await signOut(page);

  // The school's HR follows the mail's link to the school's placements page and accepts.
  await signIn(page, "hr@northbrook.example");
  const link = new URL(firstLinkIn(request.text));
  expect(link.hash).toBe("#agreements");
  await page.goto(link.pathname);
  await expect(page.getByRole("heading", { name: "Northbrook Academy: placements", level: 1 })).toBeVisible();
  const waiting = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: `Vale Teacher Training, ${nextYear}` }) });
  await expect(waiting).toContainText("Waiting for you to accept");
  await expectAccessible(page);
  await waiting.getByRole("button", { name: "Accept the agreement with Vale Teacher Training" }).click();
  await expect(page.getByText("Agreement accepted.")).toBeVisible();
  await expect(waiting).toContainText("In place");
  await expect(waiting.getByRole("button", { name: /^Accept/ })).toHaveCount(0);
  await expectAccessible(page);

  await readLatestMail(
    page,
    "itt@vale.example",
    `Placement agreement accepted: Vale Teacher Training and Northbrook Academy, ${nextYear}`,
  );
  await signOut(page);
  await signIn(page, "itt@vale.example");
  await page.goto("/placements/providers/vale-teacher-training/agreements");
  await expect(asked).toContainText("In place");
});
