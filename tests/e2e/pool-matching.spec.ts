import { expect, expectAccessible, readLatestMail, signIn, signOut, test } from "./support";

/**
 * The regional pool from both sides (db/seed/pool.ts). Pia Pool is kept for this journey: pooled in the Demo Vale
 * primary ECT round, 1.5 km from Northbrook Primary Academy, hidden from Riverside's trust. Northbrook's school office
 * finds her within 5 miles, invites and offers; she accepts; the round's public outcomes count the appointment;
 * Riverside's HR cannot find her or open her page.
 */
test("HR finds a pooled member nearby, invites and offers; the member accepts; the outcomes count it; a hidden school sees nothing", async ({
  page,
}) => {
  await signIn(page, "hr.school@northbrook.example");
  await page.goto("/pool/matches");
  await expect(page.getByRole("heading", { name: "Pool conversations", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Demo Vale primary ECT pool 2027" }).click();
  await expect(
    page.getByRole("heading", { name: /^Search the pool: Demo Vale primary ECT pool 2027/, level: 1 }),
  ).toBeVisible();
  const roundPath = new URL(page.url()).pathname.replace(/\/search$/, "");

  // A distance that is not a number is refused at the field.
  await page.getByLabel("Within (miles of the school)").fill("0");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.locator("#search-miles-error")).toContainText("at least 1 mile");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);

  await page.getByLabel("Within (miles of the school)").fill("5");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const pia = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Pia Pool" }) });
  await expect(pia).toContainText("within the 10 they will travel");
  await expectAccessible(page);
  await pia.getByRole("link", { name: "Pia Pool" }).click();
  await expect(page.getByRole("heading", { name: "Pia Pool", level: 1 })).toBeVisible();
  const memberPath = new URL(page.url()).pathname;
  await expectAccessible(page);

  const invite = page.getByRole("form", { name: "Invite to visit or interview" });
  await invite.getByLabel("Invite to", { exact: true }).selectOption("interview");
  await invite.getByLabel("Date and time").fill("2027-01-14T10:00");
  await invite.getByLabel("Message (optional)").fill("Please teach a 20-minute phonics session to Year 1.");
  await invite.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByText("Pia Pool has been invited by Northbrook Primary Academy and e-mailed.")).toBeVisible();
  await readLatestMail(page, "pia.pool@applicants.example", "Invitation: Northbrook Primary Academy");

  const offer = page.getByRole("form", { name: "Offer a post" });
  await offer.getByLabel("Role", { exact: true }).fill("Year 1 class teacher (ECT)");
  await offer.getByRole("button", { name: "Send the offer" }).click();
  await expect(
    page.getByText("Pia Pool has been offered a post by Northbrook Primary Academy and e-mailed."),
  ).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // Pia accepts.
  await signIn(page, "pia.pool@applicants.example");
  await page.goto("/pool/offers");
  await expect(page.getByRole("heading", { name: "Schools interested in you", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Accept the offer from Northbrook Primary Academy" }).click();
  await expect(page.getByText("You accepted the offer from Northbrook Primary Academy.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Accept the offer/ })).toHaveCount(0);
  await signOut(page);

  // The public figures: two appointed in the seed, and Pia.
  await page.goto(`${roundPath}/outcomes`);
  await expect(
    page.getByRole("heading", { name: "Outcomes: Demo Vale primary ECT pool 2027", level: 1 }),
  ).toBeVisible();
  await expect(page.getByTestId("appointed-count")).toHaveText("3");
  await expectAccessible(page);

  // Riverside's HR: Pia hid from their trust.
  await signIn(page, "hr@riverside.example");
  const response = await page.goto(memberPath);
  expect(response?.status()).toBe(404);
  await page.goto(`${roundPath}/search`);
  await expect(page.getByRole("heading", { name: /members? match/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pia Pool" })).toHaveCount(0);
});
