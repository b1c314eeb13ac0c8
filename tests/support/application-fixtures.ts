import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { memberships, vacancies } from "../../db/schema";
import { addJob, addQualification, addReferee, saveAbout, saveEquality } from "../../app/applications/profile.server";
import { createUser } from "./factories";
import { publishableDraft, twoTrustRegion } from "./vacancy-fixtures";

const DAY = 24 * 3600_000;

/** A profile that can be sent: QTS with a TRN, a job held now, two referees (one the employer), a statement. */
export async function completeProfile(db: Database, userId: string) {
  await saveAbout(db, userId, {
    phone: "01632 960 001",
    qtsStatus: "awarded",
    trn: "1234567",
    rightToWork: "yes",
    interviewSupport: "",
    personalStatement: "I teach mathematics with care and rigour.",
  });
  await addQualification(db, userId, {
    title: "PGCE Secondary Mathematics",
    institution: "University of Leeds",
    grade: "Pass",
    year: 2019,
  });
  await addJob(db, userId, {
    employer: "Riverside Academy",
    jobTitle: "Teacher of Mathematics",
    startedOn: "2019-09",
    endedOn: null,
    reasonForLeaving: "",
  });
  await addReferee(db, userId, {
    name: "Ada Head",
    jobTitle: "Headteacher",
    organisation: "Riverside Academy",
    email: "ada@riverside.example",
    phone: "",
    relationship: "My headteacher",
    currentEmployer: true,
    contactBeforeInterview: true,
  });
  await addReferee(db, userId, {
    name: "Ben Tutor",
    jobTitle: "PGCE tutor",
    organisation: "University of Leeds",
    email: "ben@leeds.example",
    phone: "",
    relationship: "My PGCE tutor",
    currentEmployer: false,
    contactBeforeInterview: false,
  });
}

/**
 * Two trusts; trust A's vacancy taking applications in Staffroom, published, shared between its two schools; HR
 * at trust A, HR at the second school only, HR at trust B (another employer); two teachers with complete profiles.
 */
export async function applicationRegion(db: Database, overrides: Record<string, unknown> = {}) {
  const r = await twoTrustRegion(db);
  const vacancyId = await publishableDraft(db, r, { applyMethod: "staffroom", applyUrl: undefined, ...overrides });
  await db
    .update(vacancies)
    .set({ status: "published", publishedAt: new Date(Date.now() - 2 * DAY) })
    .where(eq(vacancies.id, vacancyId));
  const hrA2 = await createUser(db, { email: "hr@a2.example", name: "Hana A2" });
  await db.insert(memberships).values({ userId: hrA2.id, role: "hr", scopeKind: "school", schoolId: r.a2.id });
  const amara = await createUser(db, { email: "amara@example.org", name: "Amara Okafor" });
  const tom = await createUser(db, { email: "tom@example.org", name: "Tom Reid" });
  await completeProfile(db, amara.id);
  await completeProfile(db, tom.id);
  await saveEquality(db, amara.id, { sex: "Female", ageBand: "25 to 34" });
  return { ...r, vacancyId, hrA2, amara, tom };
}
export type ApplicationRegion = Awaited<ReturnType<typeof applicationRegion>>;
