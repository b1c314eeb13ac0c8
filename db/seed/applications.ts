import { z } from "zod";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { firstRow, idRow, parseRows } from "../rows";
import {
  applicationEquality,
  applicationEvents,
  applicationMessages,
  applicationNotes,
  applications,
  profileEmployment,
  profileQualifications,
  profileReferees,
  teacherProfiles,
  users,
  vacancies,
  vacancyViewDays,
} from "../schema";
import type { ApplicationProfile, ApplicationStatus, EqualityAnswers } from "../../app/vocabulary/applications";

/** The demo teacher (README): a complete profile, so applying can be tried at once. */
const DEMO_TEACHER_EMAIL = "teacher@staffroom.example";

/** Invented applicants, one per state the pipeline shows, so every state can be seen on the shared role. */
const applicants: { name: string; status: ApplicationStatus; subject: string; since: number }[] = [
  { name: "Amara Okafor", status: "submitted", subject: "Music", since: 2019 },
  { name: "Ben Castell", status: "submitted", subject: "Music", since: 2021 },
  { name: "Chloe Ward", status: "shortlisted", subject: "Music", since: 2016 },
  { name: "Dev Malhotra", status: "interviewing", subject: "Music", since: 2018 },
  { name: "Erin Walsh", status: "offered", subject: "Music", since: 2015 },
  { name: "Femi Adeyemi", status: "unsuccessful", subject: "Music", since: 2022 },
  { name: "Grace Lin", status: "withdrawn", subject: "Music", since: 2020 },
  { name: "Hugo Bell", status: "declined", subject: "Music", since: 2017 },
  { name: "Ivy Moss", status: "accepted", subject: "Music", since: 2014 },
];

const path: ApplicationStatus[] = ["submitted", "shortlisted", "interviewing", "offered"];
/** The states an application passed through to reach `status`. */
function stepsTo(status: ApplicationStatus): ApplicationStatus[] {
  if (status === "withdrawn") return ["submitted", "withdrawn"];
  if (status === "unsuccessful") return ["submitted", "unsuccessful"];
  if (status === "accepted" || status === "declined") return [...path, status];
  return path.slice(0, path.indexOf(status) + 1);
}

const equalityOf = (i: number): EqualityAnswers => ({
  ageBand: ["25 to 34", "35 to 44", "Under 25", "45 to 54"][i % 4],
  sex: ["Female", "Male", "Prefer not to say"][i % 3],
  ethnicity: [
    "White",
    "Asian or Asian British",
    "Black, Black British, Caribbean or African",
    "Mixed or multiple ethnic groups",
  ][i % 4],
  disability: ["No", "No", "Yes", "Prefer not to say"][i % 4],
});

function profileFor(name: string, email: string, subject: string, since: number): ApplicationProfile {
  const first = name.split(" ")[0] ?? name;
  return {
    name,
    email,
    phone: "01632 960 123",
    qtsStatus: "awarded",
    trn: String(2000000 + since * 7).slice(0, 7),
    qualifications: [
      { title: `BA (Hons) ${subject}`, institution: "University of York", grade: "2:1", year: since - 2 },
      { title: `PGCE Secondary ${subject}`, institution: "University of Leeds", grade: "Pass", year: since - 1 },
    ],
    employment: [
      {
        employer: "Demo Vale Music Service",
        jobTitle: "Instrumental tutor",
        startedOn: `${since - 1}-09`,
        endedOn: `${since}-07`,
        reasonForLeaving: "Began teaching full time",
      },
      {
        employer: "Hillcrest Academy",
        jobTitle: `Teacher of ${subject}`,
        startedOn: `${since}-09`,
        endedOn: null,
        reasonForLeaving: "",
      },
    ],
    gaps: [],
    referees: [
      {
        name: "Priya Head",
        jobTitle: "Headteacher",
        organisation: "Hillcrest Academy",
        email: "head@hillcrest.example",
        phone: "",
        relationship: `${first}'s headteacher`,
        currentEmployer: true,
        contactBeforeInterview: true,
      },
      {
        name: "Owen Tutor",
        jobTitle: "PGCE tutor",
        organisation: "University of Leeds",
        email: "owen.tutor@leeds.example",
        phone: "",
        relationship: "PGCE tutor",
        currentEmployer: false,
        contactBeforeInterview: false,
      },
    ],
    personalStatement: `I have taught ${subject.toLowerCase()} since ${since}. I run ensembles, bring pupils to perform across the partnership, and mentor trainees.`,
    rightToWork: "yes",
    interviewSupport: "",
  };
}

/** Writes `profile` as the user's own profile rows, so their profile page shows what their applications carry. */
async function saveProfileRows(tx: Executor, userId: string, p: ApplicationProfile) {
  await tx.insert(teacherProfiles).values({
    userId,
    phone: p.phone,
    qtsStatus: p.qtsStatus,
    trn: p.trn,
    personalStatement: p.personalStatement,
    rightToWork: p.rightToWork,
    interviewSupport: p.interviewSupport,
  });
  await tx.insert(profileQualifications).values(p.qualifications.map((q) => ({ userId, ...q })));
  await tx.insert(profileEmployment).values(
    p.employment.map((j) => ({
      userId,
      employer: j.employer,
      jobTitle: j.jobTitle,
      startedOn: `${j.startedOn}-01`,
      endedOn: j.endedOn ? `${j.endedOn}-01` : null,
      reasonForLeaving: j.reasonForLeaving,
    })),
  );
  await tx.insert(profileReferees).values(p.referees.map((r) => ({ userId, ...r })));
}

/**
 * Applications in Staffroom for the demo: the published shared Music role and three of Northbrook's published
 * vacancies take applications here; the Music role has one applicant in every state (and, with eight, equality
 * totals show); the demo teacher has a complete profile and one application sent.
 */
export async function seedApplications(tx: Executor, passwordHash: string, now: Date): Promise<number> {
  const day = (n: number) => new Date(now.getTime() + n * 86_400_000);
  const [music] = parseRows(
    await tx.execute(sql`SELECT id, created_by AS "createdBy" FROM vacancies
                          WHERE status = 'published' AND title LIKE 'Teacher of Music (shared with %' LIMIT 1`),
    z.object({ id: z.string(), createdBy: z.string().nullable() }),
    "the shared music vacancy",
  );
  const northbrook = parseRows(
    await tx.execute(sql`SELECT v.id FROM vacancies v JOIN organisations o ON o.id = v.owner_organisation_id
                          WHERE o.slug = 'northbrook-learning-trust' AND v.status = 'published'
                            AND v.role = 'classroom_teacher' AND v.closes_at > ${day(7).toISOString()}
                          ORDER BY v.closes_at, v.id LIMIT 3`),
    idRow,
    "an id",
  );
  if (!music) return 0;
  const staffroomIds = [music.id, ...northbrook.map((v) => v.id)];
  for (const id of staffroomIds)
    await tx.update(vacancies).set({ applyMethod: "staffroom", applyUrl: null }).where(eq(vacancies.id, id));
  // Names hidden until shortlisting on the first Northbrook role, so that choice can be seen too.
  if (northbrook[0])
    await tx.update(vacancies).set({ anonymiseUntilShortlisted: true }).where(eq(vacancies.id, northbrook[0].id));

  let count = 0;
  for (const [i, a] of applicants.entries()) {
    const email = `${a.name.toLowerCase().replace(/[^a-z]+/g, ".")}@applicants.example`;
    const user = firstRow(
      await tx
        .insert(users)
        .values({ email, name: a.name, passwordHash, emailVerifiedAt: day(-30) })
        .returning({ id: users.id }),
      "a demo applicant",
    );
    const profile = profileFor(a.name, email, a.subject, a.since);
    await saveProfileRows(tx, user.id, profile);
    const steps = stepsTo(a.status);
    const submittedAt = day(-4 + i * 0.2);
    const app = firstRow(
      await tx
        .insert(applications)
        .values({
          vacancyId: music.id,
          userId: user.id,
          status: a.status,
          profile,
          supportingStatement: "I would love to teach across both schools and build one music department.",
          createdAt: day(-5),
          submittedAt,
          statusChangedAt: day(-1),
          withdrawReason: a.status === "withdrawn" ? "I have accepted a post nearer home." : null,
        })
        .returning({ id: applications.id }),
      "a demo application",
    );
    await tx.insert(applicationEvents).values(
      steps.map((to, s) => ({
        applicationId: app.id,
        actorUserId: to === "submitted" || to === "withdrawn" || to === "declined" ? user.id : music.createdBy,
        fromStatus: s === 0 ? ("draft" as const) : (steps[s - 1] ?? null),
        toStatus: to,
        message: to === "unsuccessful" ? "Thank you for applying: we had many strong applications." : null,
        at: s === 0 ? submittedAt : day(-3 + s * 0.5),
      })),
    );
    await tx.insert(applicationEquality).values({ applicationId: app.id, answers: equalityOf(i) });
    if (a.status === "interviewing") {
      await tx.insert(applicationNotes).values({
        applicationId: app.id,
        authorUserId: music.createdBy,
        body: "Strong on ensembles; ask about KS3 curriculum planning.",
      });
      await tx.insert(applicationMessages).values({
        applicationId: app.id,
        senderUserId: music.createdBy,
        fromEmployer: true,
        body: "Interviews are on Thursday: please bring a short KS3 lesson plan.",
      });
    }
    count += 1;
  }

  // The demo teacher: a complete profile and one application sent, to a Northbrook role.
  const [tess] = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.email, DEMO_TEACHER_EMAIL));
  if (tess) {
    const profile = profileFor(tess.name, DEMO_TEACHER_EMAIL, "Mathematics", 2020);
    await saveProfileRows(tx, tess.id, profile);
    const target = northbrook[1];
    if (target) {
      const app = firstRow(
        await tx
          .insert(applications)
          .values({ vacancyId: target.id, userId: tess.id, status: "submitted", profile, submittedAt: day(-1) })
          .returning({ id: applications.id }),
        "the demo teacher's application",
      );
      await tx.insert(applicationEvents).values({
        applicationId: app.id,
        actorUserId: tess.id,
        fromStatus: "draft",
        toStatus: "submitted",
        at: day(-1),
      });
      count += 1;
    }
  }
  for (const id of staffroomIds)
    for (let d = 1; d <= 5; d++) {
      const date = day(-d).toISOString().slice(0, 10);
      const exists = await tx
        .select()
        .from(vacancyViewDays)
        .where(and(eq(vacancyViewDays.vacancyId, id), eq(vacancyViewDays.day, date)));
      if (exists.length === 0)
        await tx.insert(vacancyViewDays).values({ vacancyId: id, day: date, views: 20 + ((d * 7) % 13) });
    }
  return count;
}
