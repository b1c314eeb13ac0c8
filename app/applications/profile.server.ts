import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import {
  equalityMonitoring,
  profileEmployment,
  profileGapExplanations,
  profileQualifications,
  profileReferees,
  teacherProfiles,
  users,
} from "../../db/schema";
import type { EqualityAnswers } from "../vocabulary/applications";
import type { ApplicationProfile } from "./profile";

const toMonth = (isoDate: string) => isoDate.slice(0, 7);
const toMonthDate = (month: string) => `${month}-01`;

/** A profile as its owner edits it: the application copy plus the ids of list entries, to remove them by. */
export type EditableProfile = ApplicationProfile & {
  ids: { qualifications: string[]; employment: string[]; referees: string[] };
  started: boolean;
};

/** The teacher's profile, whole; a teacher who has not started one gets an empty one with their name and address. */
export async function loadProfile(db: Executor, userId: string): Promise<EditableProfile | null> {
  const [user] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  if (!user) return null;
  const [about] = await db.select().from(teacherProfiles).where(eq(teacherProfiles.userId, userId));
  const qualifications = await db
    .select()
    .from(profileQualifications)
    .where(eq(profileQualifications.userId, userId))
    .orderBy(asc(profileQualifications.year), asc(profileQualifications.createdAt));
  const employment = await db
    .select()
    .from(profileEmployment)
    .where(eq(profileEmployment.userId, userId))
    .orderBy(asc(profileEmployment.startedOn), asc(profileEmployment.createdAt));
  const gaps = await db.select().from(profileGapExplanations).where(eq(profileGapExplanations.userId, userId));
  const referees = await db
    .select()
    .from(profileReferees)
    .where(eq(profileReferees.userId, userId))
    .orderBy(asc(profileReferees.createdAt));
  return {
    name: user.name,
    email: user.email,
    phone: about?.phone ?? "",
    qtsStatus: about?.qtsStatus ?? null,
    trn: about?.trn ?? null,
    personalStatement: about?.personalStatement ?? "",
    rightToWork: about?.rightToWork ?? null,
    interviewSupport: about?.interviewSupport ?? "",
    qualifications: qualifications.map((q) => ({
      title: q.title,
      institution: q.institution,
      grade: q.grade,
      year: q.year,
    })),
    employment: employment.map((j) => ({
      employer: j.employer,
      jobTitle: j.jobTitle,
      startedOn: toMonth(j.startedOn),
      endedOn: j.endedOn ? toMonth(j.endedOn) : null,
      reasonForLeaving: j.reasonForLeaving,
    })),
    gaps: gaps.map((g) => ({
      from: toMonth(g.gapFrom),
      to: g.gapTo ? toMonth(g.gapTo) : null,
      explanation: g.explanation,
    })),
    referees: referees.map((r) => ({
      name: r.name,
      jobTitle: r.jobTitle,
      organisation: r.organisation,
      email: r.email,
      phone: r.phone,
      relationship: r.relationship,
      currentEmployer: r.currentEmployer,
      contactBeforeInterview: r.contactBeforeInterview,
    })),
    ids: {
      qualifications: qualifications.map((q) => q.id),
      employment: employment.map((j) => j.id),
      referees: referees.map((r) => r.id),
    },
    started: about !== undefined,
  };
}

export type About = Pick<
  ApplicationProfile,
  "phone" | "qtsStatus" | "trn" | "rightToWork" | "interviewSupport" | "personalStatement"
>;

export async function saveAbout(db: Executor, userId: string, about: Partial<About>): Promise<void> {
  await db
    .insert(teacherProfiles)
    .values({ userId, ...about })
    .onConflictDoUpdate({ target: teacherProfiles.userId, set: { ...about, updatedAt: new Date() } });
}

/** Makes sure a profile row exists, so a list entry added first still counts as a started profile. */
async function ensureProfile(db: Executor, userId: string) {
  await db.insert(teacherProfiles).values({ userId }).onConflictDoNothing();
}

export async function addQualification(db: Executor, userId: string, q: ApplicationProfile["qualifications"][number]) {
  await ensureProfile(db, userId);
  await db.insert(profileQualifications).values({ userId, ...q });
}

export async function addJob(db: Executor, userId: string, job: ApplicationProfile["employment"][number]) {
  await ensureProfile(db, userId);
  await db.insert(profileEmployment).values({
    userId,
    employer: job.employer,
    jobTitle: job.jobTitle,
    startedOn: toMonthDate(job.startedOn),
    endedOn: job.endedOn ? toMonthDate(job.endedOn) : null,
    reasonForLeaving: job.reasonForLeaving,
  });
}

export async function addReferee(db: Executor, userId: string, referee: ApplicationProfile["referees"][number]) {
  await ensureProfile(db, userId);
  await db.insert(profileReferees).values({ userId, ...referee });
}

const listTables = {
  qualification: profileQualifications,
  job: profileEmployment,
  referee: profileReferees,
} as const;
export type ListEntry = keyof typeof listTables;

/** Removes one of the owner's list entries; another user's id removes nothing (and says so). */
export async function removeEntry(db: Executor, userId: string, kind: ListEntry, entryId: string): Promise<boolean> {
  const table = listTables[kind];
  const removed = await db
    .delete(table)
    .where(and(eq(table.id, entryId), eq(table.userId, userId)))
    .returning({ id: table.id });
  return removed.length > 0;
}

/** Records (or replaces) the explanation of one gap, named by its months. */
export async function explainGap(db: Executor, userId: string, from: string, to: string | null, explanation: string) {
  await db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: profileGapExplanations.id, to: profileGapExplanations.gapTo })
      .from(profileGapExplanations)
      .where(and(eq(profileGapExplanations.userId, userId), eq(profileGapExplanations.gapFrom, toMonthDate(from))));
    const same = existing.find((e) => (e.to ? toMonth(e.to) : null) === to);
    if (same)
      await tx.update(profileGapExplanations).set({ explanation }).where(eq(profileGapExplanations.id, same.id));
    else
      await tx
        .insert(profileGapExplanations)
        .values({ userId, gapFrom: toMonthDate(from), gapTo: to ? toMonthDate(to) : null, explanation });
  });
}

export async function loadEquality(db: Executor, userId: string): Promise<EqualityAnswers> {
  const [row] = await db.select().from(equalityMonitoring).where(eq(equalityMonitoring.userId, userId));
  return row?.answers ?? {};
}

export async function saveEquality(db: Executor, userId: string, answers: EqualityAnswers) {
  await db
    .insert(equalityMonitoring)
    .values({ userId, answers })
    .onConflictDoUpdate({ target: equalityMonitoring.userId, set: { answers, updatedAt: new Date() } });
}

/** The copy an application takes: the profile without the ids. */
export function applicationCopy(profile: EditableProfile): ApplicationProfile {
  const { ids: _ids, started: _started, ...copy } = profile;
  return copy;
}
