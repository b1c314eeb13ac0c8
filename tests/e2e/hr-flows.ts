import type { Page } from "@playwright/test";
import { expect, expectAccessible } from "./support";

/** HR's journey through the vacancy form, shared by the specs that need a freshly published vacancy. */
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
export const NORTHBROOK_ACADEMY = 990002;
export const WESTFORD_ACADEMY = 990006;

export async function startDraft(page: Page, title: string) {
  await page.goto("/hr/vacancies/new");
  await expectAccessible(page);
  await page.getByLabel("Job title").fill(title);
  await page.getByLabel("Kind of role").selectOption("classroom_teacher");
  await page.getByRole("checkbox", { name: "Secondary" }).check();
  await page.getByRole("checkbox", { name: "Mathematics" }).check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { name: "Schools and hours" })).toBeVisible();
}

/** The pay, advert and applying steps, ending on the review page (nothing published yet). */
export async function completeToReview(
  page: Page,
  pay: { to: string; max: string } = { to: "M6", max: "45352" },
  apply: "link" | "staffroom" = "link",
) {
  await page.getByLabel("Pay range").selectOption("main");
  await page.getByLabel("From pay point (optional)").selectOption("M1");
  await page.getByLabel("To pay point (optional)").selectOption(pay.to);
  await page.getByLabel("Minimum salary, full-time equivalent, £ a year").fill("32916");
  await page.getByLabel("Maximum salary, full-time equivalent, £ a year").fill(pay.max);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { name: "The advert" })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel("About the role")
    .fill("Teach mathematics across key stages 3 and 4, split between two of the trust's schools.");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { name: "Applying and dates" })).toBeVisible();
  if (apply === "staffroom") {
    await page.getByRole("radio", { name: "In Staffroom" }).check();
  } else {
    await page.getByRole("radio", { name: "On another website" }).check();
    await page.getByLabel("Link to apply").fill("https://northbrook.example/jobs/maths");
  }
  await page.getByRole("radio", { name: "As soon as I publish it" }).check();
  await page.getByLabel("Closing date and time (UK time)").fill(closingDateFromToday(60));
  await page.getByRole("button", { name: "Save and review" }).click();
  await expect(page.getByRole("button", { name: "Publish" })).toBeVisible();
}

export async function completeAndPublish(page: Page, apply: "link" | "staffroom" = "link") {
  await completeToReview(page, undefined, apply);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published: the vacancy is live.")).toBeVisible();
  await expectAccessible(page);
}

/** A closing moment `days` from today at noon, as the form's datetime-local input takes it: never a fixed date that expires. */
function closingDateFromToday(days: number): string {
  const day = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return `${day}T12:00`;
}
