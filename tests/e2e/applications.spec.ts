import { completeAndPublish, startDraft, unique } from "./hr-flows";
import { expect, expectAccessible, firstLinkIn, readLatestMail, signIn, signOut, test } from "./support";

const MUSIC = /^Teacher of Music \(shared with /;

/** The seeded shared Music role (db/seed/shared-roles.ts, applications.ts): Northbrook employs, Riverside shares. */
async function openMusicRole(page: import("@playwright/test").Page) {
  await page.goto("/vacancies?q=music");
  await page.getByRole("link", { name: MUSIC }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: MUSIC })).toBeVisible();
}

test("a teacher builds a profile, applies to a shared role and withdraws another; HR at one of its schools shortlist, interview and offer; the others hear", async ({
  page,
}) => {
  test.setTimeout(300_000);
  // Northbrook's HR post a role that takes applications in Staffroom, with names hidden until shortlisting.
  const drama = `Teacher of Drama ${unique()}`;
  await signIn(page, "hr@northbrook.example");
  await startDraft(page, drama);
  await page.getByRole("radio", { name: "At one school" }).check();
  await page.getByRole("checkbox", { name: /^Northbrook Academy, Northbrook/ }).check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await completeAndPublish(page, "staffroom");
  await signOut(page);

  // A newcomer signs up and builds their profile, meeting a field error on the way.
  const email = `nadia.${unique()}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill("Nadia Karim");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("a long and memorable passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Your teacher profile" })).toBeVisible();
  await expectAccessible(page);
  const about = page.getByRole("region", { name: "About you" });
  await about.getByLabel("Phone number").fill("01632 960 555");
  await about.getByLabel("Qualified teacher status").selectOption("awarded");
  await about.getByLabel("Teacher reference number (TRN)").fill("12345");
  await about.getByLabel("Do you have the right to work in the UK?").selectOption("yes");
  await about.getByRole("button", { name: "Save your details" }).click();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.locator("#about-error-summary")).toBeFocused();
  await expect(page.locator("#about-trn-error")).toHaveText(/A teacher reference number \(TRN\) is 7 digits/);
  await expectAccessible(page);
  await page.getByRole("region", { name: "About you" }).getByLabel("Teacher reference number (TRN)").fill("7654321");
  await page.getByRole("region", { name: "About you" }).getByRole("button", { name: "Save your details" }).click();
  await expect(page.getByText("Your details are saved.")).toBeVisible();

  const quals = page.getByRole("region", { name: "Qualifications" });
  await quals.getByLabel("Qualification").fill("PGCE Secondary Music");
  await quals.getByLabel("Where you studied").fill("University of Sheffield");
  await quals.getByLabel("Year awarded").fill("2018");
  await quals.getByRole("button", { name: "Add the qualification" }).click();
  await expect(page.getByText("Qualification added.")).toBeVisible();

  const addJob = async (employer: string, started: string, left: string | null) => {
    const jobs = page.getByRole("region", { name: "Employment history" });
    await jobs.getByLabel("Employer").fill(employer);
    await jobs.getByLabel("Job title").fill("Teacher of Music");
    await jobs.getByLabel("Month you started").fill(started);
    if (left) await jobs.getByLabel("Month you left").fill(left);
    else await jobs.getByLabel("I work here now").check();
    await jobs.getByRole("button", { name: "Add the job" }).click();
    await expect(page.getByText("Job added to your employment history.")).toBeVisible();
  };
  await addJob("Hillside School", "2018-09", "2021-07");
  await addJob("Brookfield Academy", "2021-11", null);
  // August to October 2021 is a gap of three months: it must be explained before any application is sent.
  await expect(page.getByRole("link", { name: "Explain the gap from August 2021 to October 2021" })).toBeVisible();
  await page
    .getByLabel("What were you doing from August 2021 to October 2021? (3 months)")
    .fill("Travelling in South America");
  await page.getByRole("button", { name: "Save the explanation for August 2021 to October 2021" }).click();
  await expect(page.getByText("Gap explained.")).toBeVisible();

  const refereeEmails: string[] = [];
  const addReferee = async (name: string, current: "yes" | "no") => {
    const refereeEmail = `${name.split(" ")[0]!.toLowerCase()}.${unique()}@example.com`;
    refereeEmails.push(refereeEmail);
    const refs = page.getByRole("region", { name: "Referees" });
    await refs.getByLabel("Name", { exact: true }).fill(name);
    await refs.getByLabel("Job title").fill("Headteacher");
    await refs.getByLabel("Organisation").fill(current === "yes" ? "Brookfield Academy" : "Hillside School");
    await refs.getByLabel("E-mail address").fill(refereeEmail);
    await refs.getByLabel("How do they know you?").fill("My headteacher");
    await refs.getByLabel("Are they from your current or most recent employer?").selectOption(current);
    await refs.getByLabel("May the employer contact them before an interview?").selectOption("yes");
    await refs.getByRole("button", { name: "Add the referee" }).click();
    await expect(page.getByText("Referee added.")).toBeVisible();
  };
  await addReferee("Rosa Brook", "yes");
  await addReferee("Hal Hillside", "no");
  await page
    .getByLabel("Your personal statement")
    .fill("I build choirs and bands that the whole school comes to hear.");
  await page.getByRole("button", { name: "Save your statement" }).click();
  await expect(page.getByText("Your profile is complete")).toBeVisible();
  await expectAccessible(page);

  // Applies to the shared Music role.
  await openMusicRole(page);
  await page.getByRole("button", { name: "Apply in Staffroom" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Your application for Teacher of Music/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Anything to add for this school? (optional)").fill("I would love to join both departments.");
  await page.getByRole("button", { name: "Save for later" }).click();
  await page.getByRole("button", { name: "Send the application" }).click();
  await expect(page.getByText("Application sent. A receipt is on its way to your e-mail.")).toBeVisible();
  await expect(page.getByText("State: Submitted")).toBeVisible();
  const receipt = await readLatestMail(page, email);
  expect(receipt.subject).toMatch(/^Your application has been sent: Teacher of Music/);
  const musicApplication = page.url();

  // Applies to the Drama role, then withdraws with a reason.
  await page.goto("/vacancies?q=drama");
  await page.getByRole("link", { name: drama }).click();
  await page.getByRole("button", { name: "Save this job" }).click();
  await expect(page.getByText("You have saved this job.")).toBeVisible();
  await page.getByRole("button", { name: "Apply in Staffroom" }).click();
  await page.getByRole("button", { name: "Send the application" }).click();
  await expect(page.getByText("State: Submitted")).toBeVisible();
  await page.getByLabel("Why are you withdrawing? (optional)").fill("I would rather teach music.");
  await page.getByRole("button", { name: "Withdraw the application" }).click();
  await expect(page.getByText("Application withdrawn.")).toBeVisible();
  await page.goto("/applications");
  await expect(page.getByRole("row", { name: new RegExp(drama) })).toContainText("Withdrawn");
  await expect(page.getByRole("row", { name: MUSIC })).toContainText("Submitted");
  await expect(page.getByRole("region", { name: "Saved jobs" })).toContainText(drama);
  await expect(page.getByRole("region", { name: "Saved jobs" })).toContainText("Your application: Withdrawn");
  await expectAccessible(page);
  await signOut(page);

  // HR at Riverside (whose school takes part of the Music role; another employer) run the pipeline.
  await signIn(page, "hr@riverside.example");
  await page.goto("/hr/vacancies");
  await page
    .getByRole("region", { name: "Applications for roles at your schools" })
    .getByRole("link", { name: MUSIC })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: MUSIC })).toBeVisible();
  await expectAccessible(page);
  // Ben Castell (seeded, submitted) is not shortlisted: one message, and he is told.
  await page.getByRole("checkbox", { name: "Choose Ben Castell" }).check();
  await page.getByLabel("With the ticked applications").selectOption("reject");
  await page.getByLabel("Message to the applicants (optional)").fill("We had a very strong field this time.");
  await page.getByRole("button", { name: "Apply to the ticked applications" }).click();
  await expect(page.getByText(/Mark unsuccessful: 1 application/)).toBeVisible();
  const regret = await readLatestMail(page, "ben.castell@applicants.example");
  expect(regret.subject).toMatch(/^An update on your application: Teacher of Music/);
  expect(regret.text).toContain("We had a very strong field this time.");

  await page.getByRole("link", { name: "Nadia Karim" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nadia Karim" })).toBeVisible();
  await expect(page.getByText("Travelling in South America")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Shortlist", exact: true }).click();
  await expect(page.getByText("State: Shortlisted")).toBeVisible();
  // References: both referees agreed to be asked before interview; each gets a link that works once.
  await page.getByRole("button", { name: "Request references" }).click();
  await expect(page.getByText(/^References requested from Rosa Brook and Hal Hillside/)).toBeVisible();
  const ask = await readLatestMail(page, refereeEmails[0]!);
  expect(ask.subject).toMatch(/^Reference for Nadia Karim: Teacher of Music/);
  const hrPage = page.url();
  await signOut(page);
  await page.goto(firstLinkIn(ask.text));
  await expectAccessible(page);
  await page
    .getByLabel("How do you know the applicant, and for how long?")
    .fill("I am her head of department; three years.");
  await page
    .getByLabel("What is (or was) their job with you, and the dates they held it?")
    .fill("Teacher of Music since November 2021.");
  await page
    .getByRole("group", { name: "Do you have any concerns about the applicant working with children?" })
    .getByRole("radio", { name: "No" })
    .check();
  await page
    .getByRole("group", { name: /^Has the applicant been the subject of any disciplinary action/ })
    .getByRole("radio", { name: "No" })
    .check();
  await page
    .getByRole("group", { name: "Would you employ the applicant again?" })
    .getByRole("radio", { name: "Yes" })
    .check();
  await page.getByLabel("Your full name, as your signature").fill("Rosa Brook");
  await page.getByRole("button", { name: "Send the reference" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you: your reference is sent" })).toBeVisible();
  // The link worked once.
  const again = await page.goto(firstLinkIn(ask.text));
  expect(again?.status()).toBe(410);

  await signIn(page, "hr@riverside.example");
  await page.goto(hrPage);
  await expect(page.getByRole("region", { name: "References" })).toContainText(
    "I am her head of department; three years.",
  );
  for (const [button, state] of [
    ["Invite to interview", "Invited to interview"],
    ["Offer the job", "Offered the job"],
  ] as const) {
    await page.getByRole("button", { name: button, exact: true }).click();
    await expect(page.getByText(`State: ${state}`)).toBeVisible();
  }
  await page.getByLabel("Add a note").fill("Outstanding lesson; references to follow.");
  await page.getByRole("button", { name: "Add the note" }).click();
  await expect(page.getByText("Outstanding lesson; references to follow.")).toBeVisible();
  await signOut(page);

  // The teacher hears, and accepts.
  const offer = await readLatestMail(
    page,
    email,
    `You have been offered the job: ${receipt.subject.replace("Your application has been sent: ", "")}`,
  );
  expect(offer.text).toContain("offering you the job");
  await signIn(page, email, "a long and memorable passphrase");
  await page.goto(musicApplication);
  await expect(page.getByText("State: Offered the job")).toBeVisible();
  await expect(page.getByText("Outstanding lesson")).toHaveCount(0);
  await page.getByRole("button", { name: "Accept the offer" }).click();
  await expect(page.getByText("State: Offer accepted")).toBeVisible();
  await expectAccessible(page);
});

test("HR at a trust the role is not at get a 404 for its applications", async ({ page }) => {
  await signIn(page, "hr@riverside.example");
  await page.goto("/hr/vacancies");
  const link = page
    .getByRole("region", { name: "Applications for roles at your schools" })
    .getByRole("link", { name: MUSIC });
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/hr\/vacancies\/[0-9a-f-]{36}\/applications$/);
  await signOut(page);
  await signIn(page, "hr@demoshire.example");
  const response = await page.goto(href!);
  expect(response?.status()).toBe(404);
  await expectAccessible(page);
});
