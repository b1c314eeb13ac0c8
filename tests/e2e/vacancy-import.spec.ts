import { expect, expectAccessible, signIn, test } from "./support";

const NORTHBROOK_ACADEMY = 990002;
const WESTFORD_ACADEMY = 990006;
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const closes = `${new Date(Date.now() + 21 * 86400_000).toISOString().slice(0, 10)} 12:00`;

function csv(rows: string[][]): Buffer {
  const header =
    "title,role,phases,subjects,school_urns,fte_shares,pay_range,salary_min,salary_max,about_role,apply_url,closes_at";
  return Buffer.from([header, ...rows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c}"` : c)).join(","))].join("\n"));
}
const row = (title: string, overrides: Partial<Record<"urns" | "shares" | "min" | "max", string>> = {}) => [
  title,
  "classroom_teacher",
  "secondary",
  "maths",
  overrides.urns ?? String(NORTHBROOK_ACADEMY),
  overrides.shares ?? "",
  "main",
  overrides.min ?? "32916",
  overrides.max ?? "45352",
  "Teach mathematics across key stages 3 and 4 in a friendly department.",
  "https://northbrook.example/jobs",
  closes,
];

test("HR imports a CSV of vacancies, watches it finish and finds the drafts on the dashboard", async ({ page }) => {
  const tag = unique();
  await signIn(page, "hr@northbrook.example");
  await page.goto("/hr/vacancies");
  await page.getByRole("link", { name: "Import vacancies from a CSV file" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import vacancies from a CSV file" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("CSV file").setInputFiles({
    name: `roles-${tag}.csv`,
    mimeType: "text/csv",
    buffer: csv([
      row(`Imported maths ${tag}`),
      row(`Imported shared maths ${tag}`, { urns: `${NORTHBROOK_ACADEMY};${WESTFORD_ACADEMY}`, shares: "0.6;0.4" }),
    ]),
  });
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Importing roles-${tag}.csv` })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(/Done: imported 2 vacancies as drafts/, { timeout: 20_000 });
  await expectAccessible(page);
  await page.getByRole("link", { name: "See the vacancies" }).click();
  await expect(page.getByRole("link", { name: `Imported maths ${tag}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Imported shared maths ${tag}` })).toBeVisible();
});

test("a file with a bad row shows the row's problem and imports nothing", async ({ page }) => {
  const tag = unique();
  await signIn(page, "hr@northbrook.example");
  await page.goto("/hr/vacancies/import");
  await page.getByLabel("CSV file").setInputFiles({
    name: `bad-${tag}.csv`,
    mimeType: "text/csv",
    buffer: csv([row(`Fine ${tag}`), row(`Upside down pay ${tag}`, { min: "50000", max: "40000" })]),
  });
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByRole("status")).toHaveText(/Nothing was imported/, { timeout: 20_000 });
  const problems = page.getByRole("table", { name: /Problems to fix/ });
  await expect(
    problems.getByRole("row", { name: /3 salary_max The maximum must be at least the minimum/ }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.goto("/hr/vacancies");
  await expect(page.getByRole("link", { name: `Fine ${tag}` })).toHaveCount(0);
});

test("a file that is not CSV is refused at the field", async ({ page }) => {
  await signIn(page, "hr@northbrook.example");
  await page.goto("/hr/vacancies/import");
  await page.getByLabel("CSV file").setInputFiles({
    name: "photo.png",
    mimeType: "image/png",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
  });
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByText("The file must be a CSV file (.csv)").first()).toBeVisible();
  await expect(page.getByLabel("CSV file")).toHaveAttribute("aria-describedby", "file-hint file-error");
});
