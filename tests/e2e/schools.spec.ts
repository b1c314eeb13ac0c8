import { expect, expectAccessible, signIn, signOut, test } from "./support";

test("a visitor searches the schools directory, filters by phase, sees the map and opens a school", async ({
  page,
}) => {
  await page.goto("/schools");
  await expectAccessible(page);
  await page.getByLabel("School name, town or postcode").fill("riverside");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: "Riverside Academy", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Northbrook Academy" })).toHaveCount(0);

  // Option labels carry counts ("Secondary (9)"): choose by the option's text.
  const secondary = await page
    .getByLabel("Phase")
    .locator("option", { hasText: /^Secondary \(/ })
    .getAttribute("value");
  await page.getByLabel("Phase").selectOption(secondary);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/phase=/);
  await expect(page.getByRole("link", { name: "Riverside Academy", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Riverside Primary School" })).toHaveCount(0);

  await page.getByRole("link", { name: "Show on a map" }).click();
  await expect(page.getByRole("img", { name: /Map of \d+ schools/ })).toBeVisible();
  await expect(page).toHaveURL(/view=map/);
  await expect(page).toHaveURL(/q=riverside/);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Riverside Academy", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Riverside Academy", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Riverside Schools Trust" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Riverside Academy and its \d+ nearest schools/ })).toBeVisible();
  await expect(page.getByText(/\d+\.\d miles/).first()).toBeVisible();
  await expectAccessible(page);

  // The trust's public page: its schools as a map and a list.
  await page.getByRole("link", { name: "Riverside Schools Trust" }).click();
  await expect(page.getByRole("heading", { name: "Riverside Schools Trust", level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: "Map of Riverside Schools Trust's schools" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Riverside Academy", exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("the directory pages 25 at a time and keeps the query in its links", async ({ page }) => {
  await page.goto("/schools?la=990");
  await expect(page.getByRole("navigation", { name: "Pages" }).getByText("Page 1 of 2")).toBeVisible();
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/la=990/);
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole("link", { name: "Previous page" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/schools?la=990&page=9");
  await expect(page.getByText("There is no page 9 of these results.")).toBeVisible();
});

test("a hostile search string is treated as text", async ({ page }) => {
  const response = await page.goto(`/schools?q=${encodeURIComponent("' OR 1=1; -- <script>")}&page=-4&la=abc`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText("No schools match.")).toBeVisible();
});

test("a partnership admin sees the partnership's organisations, members and schools", async ({ page }) => {
  await signIn(page, "admin@staffroom.example");
  await page.getByRole("link", { name: "Partnership admin" }).click();
  await expect(page.getByRole("heading", { name: "Demo Vale Schools Partnership" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "hr@northbrook.example" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Northbrook Learning Trust", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Members \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Invite HR staff to Northbrook Learning Trust" })).toHaveAttribute(
    "href",
    /^\/invitations\/new\?scope=organisation&id=/,
  );
  await expect(page.getByRole("link", { name: "Invite HR staff to Riverside Academy" })).toHaveAttribute(
    "href",
    /^\/invitations\/new\?scope=school&id=/,
  );
  await expectAccessible(page);
  await page.getByRole("link", { name: "Staff at Riverside Academy" }).click();
  await expect(page.getByRole("heading", { name: "Riverside Academy: staff" })).toBeVisible();
  await expectAccessible(page);
});

test("guards: a teacher cannot reach admin pages; trust HR see their own school's staff but get 404 for another trust's", async ({
  page,
}) => {
  await signIn(page, "teacher@staffroom.example");
  expect((await page.goto("/admin"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  expect((await page.goto("/admin/demo-vale"))?.status()).toBe(404);
  await signOut(page);

  await signIn(page, "hr@northbrook.example");
  expect((await page.goto("/schools/990002/admin"))?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Northbrook Academy: staff" })).toBeVisible();
  expect((await page.goto("/schools/990018/admin"))?.status()).toBe(404);
});
