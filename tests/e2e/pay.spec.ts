import { readFileSync } from "node:fs";
import { completeToReview, startDraft, unique } from "./hr-flows";
import { expect, expectAccessible, signIn, test } from "./support";

test("HR sees a below-neighbour offer flagged before publishing, cannot publish it without a justification, and the public page shows the badge", async ({
  page,
}) => {
  const title = `Teacher of Mathematics ${unique()}`;
  await signIn(page, "hr@northbrook.example");
  await startDraft(page, title);
  await page.getByRole("radio", { name: "At one school" }).check();
  await page.getByRole("checkbox", { name: /^Northbrook Academy, Northbrook/ }).check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  // The top of M4 (£39,556) where neighbouring secondary schools advertise up to £45,352.
  await completeToReview(page, { to: "M4", max: "39556" });

  const panel = page.getByRole("region", { name: /Pay compared with neighbouring schools, before you publish/ });
  await expect(panel).toContainText(/Undercuts neighbouring schools by \d+(\.\d)?% \(£[\d,]+\)/);
  await expect(panel.getByRole("table", { name: /offers compared with/ })).toBeVisible();
  await expect(panel).toContainText("Teachers will see: Pays");
  await expectAccessible(page);

  // Publishing without a reason is refused at the field, and nothing is published.
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.locator("#justification-error")).toContainText("Explain why this pay is right");
  await expect(page.getByLabel("Why is this pay right? (needed to publish)")).toHaveAccessibleDescription(
    /Explain why this pay is right/,
  );
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  await expectAccessible(page);

  // A reason too short is refused too, and what was typed stays in the field.
  await page.getByLabel("Why is this pay right? (needed to publish)").fill("Grant-funded post");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.locator("#justification-error")).toContainText("at least 20 characters");
  await expect(page.getByLabel("Why is this pay right? (needed to publish)")).toHaveValue("Grant-funded post");

  await page
    .getByLabel("Why is this pay right? (needed to publish)")
    .fill("The post is part-funded by a grant that ends next summer; we will review the pay then.");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published: the vacancy is live.")).toBeVisible();
  await expect(page.getByText("Justification given when published:")).toBeVisible();

  await page.getByRole("link", { name: "See the public page" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.locator(".pay-badge")).toHaveText(/Pays \d+(\.\d)?% below nearby schools/);
  await expect(page.getByText(/Compared with \d+ similar offers at other schools within 10 miles/)).toBeVisible();
  await expectAccessible(page);
});

test("anyone can see the area's pay, as a chart with the statutory range marked, and download it as CSV", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Pay", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Teachers' pay by area", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Demo Vale Schools Partnership" }).click();
  await expect(page.getByRole("heading", { name: /Teachers' pay in Demo Vale/, level: 1 })).toBeVisible();
  const chart = page.getByRole("img", { name: "Spread of offers: Classroom teachers, Secondary, Main pay range" });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(
    /\d+ offers, median £[\d,]+; statutory range £32,916 to £45,352; \d+ flagged\./,
  );
  await expect(page.getByRole("table", { name: "By kind of employer" }).first()).toBeVisible();
  await expectAccessible(page);

  // Other groups on request, in the URL: only what was asked for is drawn.
  await page.getByLabel("Role").selectOption({ label: "Senior leaders (assistant and deputy heads)" });
  await page.getByRole("button", { name: "Show these offers" }).click();
  await expect(page).toHaveURL(/[?&]role=senior_leader/);
  await expect(page.getByRole("heading", { name: "The offers you chose" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Spread of offers: Classroom teachers/ })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Every group of offers" })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download every offer as CSV" }).click();
  const file = await (await download).path();
  const lines = readFileSync(file, "utf8").trim().split("\n");
  expect(lines[0]).toBe(
    "vacancy_id,title,school,urn,employer,employer_kind,role_family,phase,pay_range,salary_min_fte,salary_max_fte,fte,pay_area,published_on,status,pay_badge,flagged,local_rate",
  );
  expect(lines.length).toBeGreaterThan(50);
});

test("a partnership admin changes the pay policy; bad values are refused at the field; every change is logged", async ({
  page,
}) => {
  await signIn(page, "admin@staffroom.example");
  await page.goto("/admin/demo-vale");
  await page.getByRole("link", { name: "Pay policy" }).click();
  await expect(page.getByRole("heading", { name: "Pay policy" })).toBeVisible();
  await expectAccessible(page);
  const premium = page.getByLabel("Premium above the local rate that is shown (%)");
  await premium.fill("ten");
  await page.getByRole("button", { name: "Save the policy" }).click();
  await expect(page.locator("#premium-error")).toHaveText(/Enter the premium as a number/);
  await expectAccessible(page);
  // The premium only changes an informational flag, so the other journeys' assessments are unaffected.
  await premium.fill("12.5");
  await page.getByRole("button", { name: "Save the policy" }).click();
  await expect(page.getByText("Pay policy saved (1 setting changed).")).toBeVisible();
  await expect(page.getByText("Premium above the local rate that is shown (%): 10% → 12.5%")).toBeVisible();
  await premium.fill("10");
  await page.getByRole("button", { name: "Save the policy" }).click();
  await expect(page.getByText("Premium above the local rate that is shown (%): 12.5% → 10%")).toBeVisible();
});
