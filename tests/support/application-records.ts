import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { firstRow } from "../../db/rows";
import { applications, users, vacancies } from "../../db/schema";
import type {
  ApplicationProfile,
  ApplicationStatus,
  ReferenceAnswers,
  RefereeCopy,
} from "../../app/vocabulary/applications";
import { publishableDraft, twoTrustRegion, type TwoTrustRegion } from "./vacancy-fixtures";

const DAY = 24 * 3600_000;

export const referee = (over: Partial<RefereeCopy> = {}): RefereeCopy => ({
  name: "Grace Head",
  jobTitle: "Headteacher",
  organisation: "Riverside Academy",
  email: `grace-${randomBytes(3).toString("hex")}@riverside.example`,
  phone: "",
  relationship: "Line manager",
  currentEmployer: false,
  contactBeforeInterview: true,
  ...over,
});

/** A referee's answers with nothing of concern. */
export const referenceAnswers = (over: Partial<ReferenceAnswers> = {}): ReferenceAnswers => ({
  relationship: "Line manager",
  confirmedRole: "Teacher",
  concernsAboutChildren: "no",
  concernsDetail: "",
  disciplinary: "no",
  disciplinaryDetail: "",
  wouldReemploy: "yes",
  comments: "",
  signedName: "Grace Head",
  ...over,
});

const profileCopy = (over: Partial<ApplicationProfile> = {}): ApplicationProfile => ({
  name: "Amara Okafor",
  email: "amara@example.org",
  phone: "01632 960 001",
  qtsStatus: "awarded",
  trn: "1234567",
  qualifications: [{ title: "PGCE Geography", institution: "University of Leeds", grade: "Pass", year: 2019 }],
  employment: [
    { employer: "Riverside Academy", jobTitle: "Teacher", startedOn: "2019-09", endedOn: null, reasonForLeaving: "" },
  ],
  gaps: [],
  referees: [referee({ currentEmployer: true, name: "Grace Head" }), referee({ name: "Sam Mentor" })],
  personalStatement: "I teach geography.",
  rightToWork: "yes",
  interviewSupport: "",
  ...over,
});

/** A shared role of trust A's (schools a1 and a2), published and taking applications in Staffroom. */
export async function staffroomVacancy(db: Database, r: TwoTrustRegion, closesAt = new Date(Date.now() + 14 * DAY)) {
  const vacancyId = await publishableDraft(db, r, { closesAt });
  await db
    .update(vacancies)
    .set({ status: "published", applyMethod: "staffroom", applyUrl: null, publishedAt: new Date() })
    .where(eq(vacancies.id, vacancyId));
  return vacancyId;
}

/** The two-trust region with one such vacancy. */
export async function referencesRegion(db: Database, closesAt?: Date) {
  const r = await twoTrustRegion(db);
  return { ...r, vacancyId: await staffroomVacancy(db, r, closesAt) };
}

/** A teacher with an application to `vacancyId` already in `status` (as if it had moved there). */
export async function applicationIn(
  db: Database,
  r: { vacancyId: string },
  status: ApplicationStatus,
  profile: Partial<ApplicationProfile> = {},
) {
  const email = `teacher-${randomBytes(4).toString("hex")}@example.org`;
  const teacher = firstRow(
    await db.insert(users).values({ email, name: "Amara Okafor", passwordHash: "x" }).returning(),
    "the teacher",
  );
  const application = firstRow(
    await db
      .insert(applications)
      .values({
        vacancyId: r.vacancyId,
        userId: teacher.id,
        status,
        profile: profileCopy({ email, ...profile }),
        supportingStatement: "I would love to teach here.",
        submittedAt: status === "draft" ? null : new Date(),
      })
      .returning(),
    "the application",
  );
  return { teacher, application };
}
