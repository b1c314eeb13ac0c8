import { addDays, format, parseISO } from "date-fns";
import { londonToday } from "../../app/vocabulary/london-time";
import { expect, expectAccessible, signIn, signOut, test } from "./support";

/**
 * The demo's "Demo Vale spring recruitment fair" (db/seed/fairs.ts): five schools, stands 1 to 5, meetings every
 * fifteen minutes from 10:00 London time, the seeded teachers' bookings all before 11:00. Tess registers, books the
 * host school (stand 1) at 11:00 and stand 2's school at 11:30, sees both on her timetable, and is told a third
 * meeting at 11:00 clashes; the host school's HR see her on their timetable. Nothing here relies on state another
 * spec changes: Tess is registered for no fair by the seed, and no other spec books at this fair.
 */
const FAIR = "Demo Vale spring recruitment fair";

test("a teacher registers for a fair, books two schools, is told of a clash, and the school's HR see her", async ({
  page,
}) => {
  await page.goto("/fairs");
  await expect(page.getByRole("heading", { level: 1, name: "Recruitment fairs" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: FAIR }).click();
  await expect(page.getByRole("heading", { level: 1, name: FAIR })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in to register" })).toBeVisible();
  await expectAccessible(page);
  const fairPath = new URL(page.url()).pathname;
  const schoolAt = (stand: string) =>
    page
      .locator("section")
      .filter({ hasText: `Find them at: ${stand}` })
      .getByRole("heading", { level: 3 })
      .innerText();
  const [host, second, third] = [await schoolAt("Stand 1"), await schoolAt("Stand 2"), await schoolAt("Stand 3")];
  const schoolName = (heading: string) => heading.split(",")[0]!.trim();

  await signIn(page, "teacher@staffroom.example");
  await page.goto(fairPath);
  await page.getByLabel("What do you teach, or hope to? (optional)").fill("KS2, maths and computing");
  await page.getByRole("button", { name: "Register for the fair" }).click();
  await expect(page.getByText("You are registered for the fair. Book your meetings below.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Your timetable" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: `Book ${schoolName(host)} at 11:00am` }).click();
  await expect(page.getByText(`Meeting booked with ${schoolName(host)}.`)).toBeVisible();
  await page.getByRole("button", { name: `Book ${schoolName(second)} at 11:30am` }).click();
  await expect(page.getByText(`Meeting booked with ${schoolName(second)}.`)).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText(`11:00am to 11:15am${schoolName(host)}`);
  await expect(rows.nth(2)).toContainText(`11:30am to 11:45am${schoolName(second)}`);
  await expectAccessible(page);

  // A third meeting at 11:00 clashes with the first: refused, saying why, and nothing is booked.
  await page.getByRole("button", { name: `Book ${schoolName(third)} at 11:00am` }).click();
  await expect(page.getByRole("alert").or(page.locator("#book-error-summary"))).toContainText(
    "You already have a meeting at this time",
  );
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(3);
  await expectAccessible(page);
  await signOut(page);

  // The host school's HR see Tess, with what she said she teaches.
  await signIn(page, "hr.school@northbrook.example");
  await page.goto(fairPath);
  await page.getByRole("link", { name: `${schoolName(host)}: roles, meetings and timetable` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${schoolName(host)} at the fair` })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "11:00am to 11:15am" })).toContainText(
    "Tess Teacher: KS2, maths and computing",
  );
  await expectAccessible(page);
});

test("an admin sets up an online fair and adds a school; a school's HR list a role, and meetings must fit the fair", async ({
  page,
}) => {
  const name = `Summer evening fair ${Date.now()}`;
  const day = format(addDays(parseISO(londonToday(new Date())), 60), "yyyy-MM-dd");
  await signIn(page, "admin@staffroom.example");
  await page.goto("/fairs");
  await page.getByRole("link", { name: "Set up a fair for Demo Vale Schools Partnership" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Set up a recruitment fair" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("In person or online").selectOption({ label: "Online" });
  await page.getByLabel("Meeting link (online)").fill("https://meet.example/summer");
  await page.getByLabel("Date").fill(day);
  await page.getByLabel("Start time").fill("16:00");
  await page.getByLabel("End time").fill("15:00");
  await page.getByRole("button", { name: "Set up the fair" }).click();
  await expect(page.locator("#fair-endTime-error")).toContainText("The fair must end after it starts");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  await page.getByLabel("End time").fill("18:30");
  await page.getByRole("button", { name: "Set up the fair" }).click();
  await expect(page.getByText(`${name} is set up. Add the schools taking part next.`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByLabel("School", { exact: true }).selectOption({ index: 1 });
  await page.getByRole("button", { name: "Add the school" }).click();
  await expect(page.getByText("is taking part.")).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The host school's HR, at the seeded fair: a run before the fair opens is refused at its field; a role is listed.
  await signIn(page, "hr.school@northbrook.example");
  await page.goto("/fairs");
  await page.getByRole("link", { name: FAIR }).click();
  await page
    .getByRole("link", { name: /: roles, meetings and timetable$/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: / at the fair$/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("First meeting starts").fill("09:00");
  await page.getByLabel("Meetings end by").fill("09:30");
  await page.getByRole("button", { name: "Add the meetings" }).click();
  await expect(page.locator("#slots-startTime-error")).toContainText(
    "Start the meetings no earlier than the fair opens",
  );
  await expectAccessible(page);
  await page.getByLabel("Title").fill("Year 3 class teacher");
  await page.getByRole("button", { name: "Add the role" }).click();
  await expect(page.getByText("Role added: Year 3 class teacher.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Year 3 class teacher" })).toBeVisible();
});
