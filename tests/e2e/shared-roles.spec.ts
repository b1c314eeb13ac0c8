import { completeToReview, startDraft, unique } from "./hr-flows";
import { expect, expectAccessible, firstLinkIn, readLatestMail, signIn, signOut, test } from "./support";

/**
 * A role shared across employers (docs/decisions/0022): Northbrook Learning Trust employs, Riverside Schools Trust's
 * Riverside Academy takes 0.4 of it. Riverside's HR confirm through the e-mailed link before Northbrook can publish;
 * the advert then says who employs.
 */
test("HR at one trust shares a role with another trust's school, which confirms it; then it is published", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const title = `Teacher of Music ${unique()}`;
  await signIn(page, "hr@northbrook.example");
  await startDraft(page, title);
  await page.getByRole("radio", { name: /Shared between schools/ }).check();
  await page.getByRole("checkbox", { name: /^Northbrook Academy, Northbrook$/ }).check();
  await page.getByLabel("Share of FTE at Northbrook Academy").fill("0.6");
  const riverside = page.getByRole("checkbox", {
    name: "Riverside Academy, Riverside (Riverside Schools Trust confirms its share)",
  });
  await riverside.check();
  await page.getByLabel("Share of FTE at Riverside Academy").fill("0.4");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { name: "Contract and pay" })).toBeVisible();
  await completeToReview(page);

  // Not yet: the review page names who has not confirmed, and publishing is refused with the same words.
  const shares = page.getByRole("region", { name: "Shared with other employers" });
  await expect(shares).toContainText("Employed by Northbrook Learning Trust, shared with Riverside Schools Trust");
  await expect(shares.getByRole("row", { name: /Riverside Academy/ })).toContainText("Waiting for confirmation");
  await page.getByRole("button", { name: "Publish" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText(
    "You cannot publish yet. Riverside Schools Trust has not yet confirmed the share at Riverside Academy (0.4 FTE).",
  );
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  const id = page.url().match(/\/hr\/vacancies\/([0-9a-f-]{36})/)![1];
  await signOut(page);

  // Riverside's HR: the e-mailed link, the page of shares waiting, a decline without a reason refused, a confirmation.
  const mail = await readLatestMail(page, "hr@riverside.example", `Please confirm a shared role: ${title}`);
  expect(mail.text).toContain("Riverside Academy (0.4 FTE)");
  const link = firstLinkIn(mail.text);
  await signIn(page, "hr@riverside.example");
  await page.goto("/hr/vacancies");
  await page.getByRole("link", { name: "Confirm or decline them" }).click();
  await expect(page.getByRole("heading", { name: "Roles shared with your schools", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(page);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(
    page.getByText("Employed by Northbrook Learning Trust, shared with Riverside Schools Trust."),
  ).toBeVisible();
  await expectAccessible(page);
  // Read-only: the edit page sends them back here.
  await page.goto(`/hr/vacancies/${id}/edit/pay`);
  await expect(page).toHaveURL(link);

  await page.getByRole("radio", { name: "Decline" }).check();
  await page.getByRole("button", { name: "Send your answer" }).click();
  await expect(page.locator(".error-summary")).toContainText("Say why your school declines the share");
  await expect(page.locator(".error-summary")).toBeFocused();
  await expectAccessible(page);
  await page.getByRole("radio", { name: "Confirm: Riverside Academy (0.4 FTE) takes this share" }).check();
  await page.getByRole("button", { name: "Send your answer" }).click();
  await expect(page.getByText("You confirmed your school's share. The employer has been told.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Riverside Academy/ })).toContainText("Confirmed by Rhys Riverside");
  await expectAccessible(page);
  await signOut(page);

  // An HR of an employer not involved: nothing there.
  await signIn(page, "hr@demoshire.example");
  expect((await page.goto(link))?.status()).toBe(404);
  await signOut(page);

  // Northbrook is told, and publishes.
  const told = await readLatestMail(page, "hr@northbrook.example", `Share confirmed: ${title}`);
  expect(told.text).toContain("Every share is confirmed: you can publish the role.");
  await signIn(page, "hr@northbrook.example");
  await page.goto(firstLinkIn(told.text));
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published: the vacancy is live.")).toBeVisible();
  await signOut(page);

  // The advert and its JSON-LD say who employs; so does the search result.
  await page.goto(`/vacancies/${id}`);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(
    page.getByText("Employed by Northbrook Learning Trust, shared with Riverside Schools Trust"),
  ).toBeVisible();
  await expect(page.getByText("(0.4 FTE here)")).toBeVisible();
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(ld.hiringOrganization).toEqual({ "@type": "Organization", name: "Northbrook Learning Trust" });
  expect(ld.employerOverview).toBe("Employed by Northbrook Learning Trust, shared with Riverside Schools Trust.");
  await expectAccessible(page);
  // The search index is brought up to date by a job just after publishing: look again until it is.
  const result = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
  await expect(async () => {
    await page.goto(`/vacancies?q=${encodeURIComponent(title)}`);
    await expect(result).toContainText("Employed by Northbrook Learning Trust, shared with Riverside Schools Trust", {
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });
  await expectAccessible(page);
});
