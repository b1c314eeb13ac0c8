import { renderEmail } from "../../emails/render.server";
import type { EmailProps, TemplateName } from "../../emails/catalogue";
import { expect, test } from "./support";

/**
 * Every mail Staffroom sends, rendered as sent and opened in Chromium at a phone's width: a <title>, the preview text
 * inside <body>, 16 px text, underlined links with at least 4.5:1 contrast, vacancy titles as headings, and nothing
 * wider than the screen (the long links to paste break anywhere).
 */
const token = "Zx9".repeat(30);
const app = "https://staffroom.example";
const samples: { [K in TemplateName]: EmailProps[K] } = {
  "verify-email": { name: "Priya Shah", url: `${app}/verify-email?token=${token}`, expiresInHours: 24 },
  "reset-password": { name: "Priya Shah", url: `${app}/reset-password?token=${token}`, expiresInMinutes: 60 },
  invitation: {
    inviter: "Ada Admin",
    place: "Northbrook Learning Trust",
    role: "HR",
    url: `${app}/invitations/${token}`,
    expiresInDays: 7,
  } as unknown as EmailProps["invitation"],
  "account-exists": {
    name: "Priya Shah",
    signInUrl: `${app}/sign-in`,
    resetUrl: `${app}/forgot-password?email=priya.shah%40example.com`,
  },
  "job-alert": {
    summary: "“maths” within 5 miles of M33 7XW",
    frequency: "daily",
    vacancies: [
      {
        title: "Teacher of Mathematics",
        url: `${app}/vacancies/6f1c0d1e-8f55-4e53-9d0f-2b0c4a3c9a10`,
        schools: "Northbrook Academy, Northbrook",
        pay: "£32,916 to £45,352 a year (full-time equivalent)",
        closes: "30 June 2027 at 12:00",
      },
    ],
    more: 2,
    searchUrl: `${app}/vacancies?q=maths&location=M33+7XW&radius=5`,
    manageUrl: `${app}/alerts`,
    unsubscribeUrl: `${app}/alerts/unsubscribe/6f1c0d1e-8f55-4e53-9d0f-2b0c4a3c9a10.${token.slice(0, 43)}`,
    renamed: [],
  },
  "alert-needs-attention": {
    summary: "Basket weaving",
    problem: "“Basket weaving” is not one of the subject choices any more",
    manageUrl: `${app}/alerts`,
    unsubscribeUrl: `${app}/alerts/unsubscribe/x.${token.slice(0, 43)}`,
  },
  "placement-update": {
    name: "Max Mentor",
    event: "accepted",
    traineeName: "Tara Trainee",
    schoolName: "Northbrook Academy",
    placementName: "Placement B",
    dates: "5 January to 27 March 2027",
    mentorName: "Max Mentor",
    url: `${app}/placements/bookings/6f1c0d1e-8f55-4e53-9d0f-2b0c4a3c9a10`,
  },
  "placement-agreement": {
    name: "Olive Office",
    event: "withdrawn",
    providerName: "Vale Teacher Training",
    schoolName: "Northbrook Academy",
    year: "2026/27",
    by: "Vale Teacher Training",
    reason: "We have no secondary trainees in that subject this year.",
    url: `${app}/placements/schools/990002`,
  },
  "application-update": {
    name: "Amara Okafor",
    event: "unsuccessful",
    vacancyTitle: "Teacher of Geography",
    employerName: "Northbrook Learning Trust",
    message: "We had 41 strong applications. <script>alert(1)</script> Thank you for your interest.",
    url: `${app}/applications/6f1c0d1e-8f55-4e53-9d0f-2b0c4a3c9a10`,
  },
  "reference-request": {
    refereeName: "Dr Grace O'Neill-Whitfield",
    applicantName: "Amara <script>alert(1)</script> Okafor",
    vacancyTitle: "Teacher of Geography",
    employerName: "Northbrook Learning Trust",
    url: `${app}/references/${token}`,
    expiresOn: "16 December 2026",
    reminder: true,
  },
  "saved-job-closing": {
    name: "Amara Okafor",
    vacancyTitle: "Teacher of Geography <script>alert(1)</script>",
    employerName: "Northbrook Learning Trust",
    closes: "Friday 4 December 2026 at 12:00",
    url: `${app}/vacancies/6f1c0d1e-8f55-4e53-9d0f-2b0c4a3c9a10`,
    savedJobsUrl: `${app}/applications`,
  },
  "programme-session-change": {
    name: "Ines Induction",
    event: "changed",
    sessionTitle: "Managing behaviour in the first weeks",
    programmeName: "Northbrook ECT programme",
    when: "Thursday 14 January 2027, 9:30am to 12:00pm",
    where: "Hall, Northbrook Academy, Sale",
    changes: [
      "Time: now Thursday 14 January 2027, 9:30am to 12:00pm (was Wednesday 13 January 2027, 9:30am to 12:00pm)",
    ],
    reason: null,
    ects: ["Erin Early", "Sam Start"],
    url: `${app}/ects`,
  },
  "programme-session-reminder": {
    name: "Erin Early",
    sessionTitle: "Managing behaviour in the first weeks",
    programmeName: "Northbrook ECT programme",
    when: "Thursday 14 January 2027, 9:30am to 12:00pm",
    where: "Online",
    facilitatorName: "Fran Facilitator",
    url: `${app}/induction`,
  },
  "fair-booking": {
    name: "Priya Shah",
    fairName: "Demo Vale spring recruitment fair",
    schoolName: "Northbrook Primary School",
    when: "10:15am to 10:30am, Friday 12 March 2027",
    withWhom: "Mrs Okafor, headteacher",
    url: `${app}/fairs/${token}/mine`,
  },
  "fair-slot-removed": {
    name: "Priya Shah",
    fairName: "Demo Vale spring recruitment fair",
    schoolName: "Northbrook Primary School",
    when: "10:15am to 10:30am, Friday 12 March 2027",
    url: `${app}/fairs/${token}/mine`,
  },
  "fair-reminder": {
    name: "Priya Shah",
    audience: "teacher",
    fairName: "Demo Vale spring recruitment fair",
    when: "Friday 12 March 2027, 10:00am to 3:00pm",
    where: "In person at Northbrook Primary School (Main hall)",
    meetings: [
      { when: "10:15am to 10:30am, Friday 12 March 2027", who: "Northbrook Primary School, Stand 3" },
      { when: "11:00am to 11:15am, Friday 12 March 2027", who: "Riverside Academy, Stand 5, Mr Patel" },
    ],
    url: `${app}/fairs/${token}/mine`,
  },
  "fair-follow-up": {
    name: "Priya Shah",
    fairName: "Demo Vale spring recruitment fair",
    schoolName: "Northbrook Primary School",
    kind: "pool_invitation",
    poolRoundName: "Demo Vale primary ECT pool 2027",
    message: "It was lovely to hear about your phonics work.",
    url: `${app}/pool/rounds/${token}/apply`,
  },
  "vacancy-share": {
    name: "Rhys Riverside",
    event: "requested",
    title: "Teacher of Music (shared between Northbrook Academy and Riverside Academy)",
    leadEmployer: "Northbrook Learning Trust",
    shares: ["Riverside Academy (0.4 FTE)"],
    url: `${app}/hr/vacancies/6f1c0d1e-8f55-4e53-9d0f-2b0c4a3c9a10/share`,
  },
  "email-changed": {
    name: "Priya Shah",
    newEmail: "priya.shah.new.address@example.com",
    signInUrl: `${app}/sign-in`,
  },
  "second-factor-changed": { name: "Priya Shah", change: "recovery-code-used", accountUrl: `${app}/account` },
  "early-career-assignment": {
    name: "Rhys Riverside",
    event: "proposed",
    ectName: "Efa Evans",
    employingSchoolName: "Northbrook Academy",
    hostSchoolName: "Riverside Special School",
    dates: "4 January 2027 to 26 March 2027",
    purpose: "A term in a special school, to build adaptive teaching for pupils with complex needs.",
    by: "Ines Induction",
    waitingFor: ["Riverside Special School"],
    url: `${app}/programmes/assignments`,
  },
  "ect-mentor-assigned": {
    to: "mentor",
    name: "Nell Nolan",
    ectName: "Nia Newton",
    mentorName: "Nell Nolan",
    schoolName: "Northbrook Primary Academy",
    from: "3 December 2026",
    tutorName: "Ines Induction",
    url: `${app}/ects/6f1c0d1e-8f55-4e53-9d0f-2b0c4a3c9a10`,
  },
  "pool-update": {
    name: "Amara Osei",
    roundName: "Demo Vale primary ECT pool 2027",
    event: "not_this_time",
    feedback: "Your lesson was well planned; we would like to see more checking of understanding.",
    url: `${app}/pool/mine`,
  },
  "pool-match": {
    name: "Tara Teacher",
    event: "offered",
    schoolName: "Northbrook Primary Academy",
    roundName: "Demo Vale primary ECT pool 2027",
    roleTitle: "Year 3 class teacher",
    message: "We loved your visit and would like you to join us in September.",
    url: `${app}/pool/offers`,
  },
};

/** A template that says different things for different events has a sample of each beyond the one above. */
const moreSamples: { label: string; template: TemplateName; props: EmailProps[TemplateName] }[] = [
  ...(
    [
      { event: "agreed", waitingFor: [] },
      { event: "declined", waitingFor: [], reason: "We have no space in the spring term; the summer would work." },
    ] as const
  ).map((change) => ({
    label: `early-career-assignment (${change.event})`,
    template: "early-career-assignment" as const,
    props: { ...samples["early-career-assignment"], ...change, waitingFor: [...change.waitingFor] },
  })),
  ...(
    [
      { event: "changed" },
      {
        event: "confirmed",
        name: "Hana Northbrook",
        partnerEmployer: "Riverside Schools Trust",
        decidedBy: "Rhys Riverside",
        allConfirmed: true,
      },
      {
        event: "declined",
        name: "Hana Northbrook",
        partnerEmployer: "Riverside Schools Trust",
        decidedBy: "Rhys Riverside",
        reason: "Our music teacher returns from leave in September, so we no longer need the 0.4.",
      },
      { event: "closed", reason: "Filled elsewhere" },
    ] as const
  ).map((change) => ({
    label: `vacancy-share (${change.event})`,
    template: "vacancy-share" as const,
    props: { ...samples["vacancy-share"], ...change },
  })),
  ...(
    [
      { event: "held", confirmBy: "the end of Monday 7 December 2026" },
      { event: "lapsed", confirmBy: null },
    ] as const
  ).map((change) => ({
    label: `placement-update (${change.event})`,
    template: "placement-update" as const,
    props: { ...samples["placement-update"], mentorName: null, ...change },
  })),
];

/** WCAG's contrast ratio between two "rgb(r, g, b)" colours. */
function contrast(a: string, b: string): number {
  const luminance = (c: string) => {
    const channels = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const [r, g, bl] = channels;
    if (r === undefined || g === undefined || bl === undefined) throw new Error(`Not an rgb() colour: ${c}`);
    const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
  };
  const [la, lb] = [luminance(a), luminance(b)];
  const [hi, lo] = [Math.max(la, lb), Math.min(la, lb)];
  return (hi + 0.05) / (lo + 0.05);
}

test.use({ viewport: { width: 320, height: 640 } });

const allSamples = [
  ...(Object.keys(samples) as TemplateName[]).map((template) => ({
    label: template,
    template,
    props: samples[template],
  })),
  ...moreSamples,
];

for (const { label, template, props } of allSamples) {
  test(`the ${label} mail has a title, readable text and links, and fits a phone`, async ({ page }) => {
    const mail = await renderEmail(template, props as never);
    await page.setContent(mail.html);
    expect(await page.title()).not.toBe("");
    const preview = await page.evaluate(() => document.body.firstElementChild?.textContent ?? "");
    expect(preview.trim().length, "the preview text is the first thing in <body>").toBeGreaterThan(0);
    // In the source, not only in the parsed page (a parser moves stray text into <body>): after <body>, not before.
    const afterHead = mail.html.indexOf("</head>");
    expect(mail.html.indexOf(preview.trim().slice(0, 20), afterHead)).toBeGreaterThan(mail.html.indexOf("<body"));

    const texts = await page.evaluate(() =>
      [...document.querySelectorAll("p")].map((p) => ({
        text: p.textContent,
        px: parseFloat(getComputedStyle(p).fontSize),
      })),
    );
    for (const t of texts) expect(t.px, `"${t.text}"`).toBeGreaterThanOrEqual(16);

    const links = await page.evaluate(() =>
      [...document.querySelectorAll("a")].map((a) => {
        const style = getComputedStyle(a);
        let bg = style.backgroundColor;
        for (let el: Element | null = a; el && /rgba\(0, 0, 0, 0\)|transparent/.test(bg); el = el.parentElement)
          bg = getComputedStyle(el).backgroundColor;
        return {
          text: a.textContent,
          colour: style.color,
          background: bg,
          underlined: style.textDecorationLine.includes("underline"),
          button: getComputedStyle(a).backgroundColor !== "rgba(0, 0, 0, 0)",
        };
      }),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      expect(contrast(l.colour, l.background), `"${l.text}" ${l.colour} on ${l.background}`).toBeGreaterThanOrEqual(
        4.5,
      );
      // Buttons are shaped as buttons; every other link is underlined.
      if (!l.button) expect(l.underlined, `"${l.text}" is underlined`).toBe(true);
    }

    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(scroll, `${template} is ${scroll} px wide on a ${client} px screen`).toBeLessThanOrEqual(client);
    if (template === "job-alert")
      await expect(page.getByRole("heading", { level: 2, name: "Teacher of Mathematics" })).toBeVisible();
  });
}
