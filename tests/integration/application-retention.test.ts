import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { applyRetention } from "../../app/applications/retention.server";
import {
  applicationEvents,
  applicationMessages,
  applicationNotes,
  applicationReferences,
  applications,
  users,
  vacancies,
} from "../../db/schema";
import type { ApplicationStatus } from "../../app/vocabulary/applications";
import {
  applicationIn,
  referencesRegion,
  referee,
  referenceAnswers,
  staffroomVacancy,
} from "../support/application-records";
import { twoTrustRegion, type TwoTrustRegion } from "../support/vacancy-fixtures";
import { useTestDatabase } from "../support/database";

const NOW = new Date("2026-12-02T10:00:00Z");
const monthsAgo = (n: number) => new Date(Date.UTC(2026, 11 - n, 2, 9, 0));

describe("retention of finished applications", () => {
  const t = useTestDatabase();

  /** A vacancy closed `months` ago, with an application in each of `statuses`, each with a note, a message and a reference. */
  async function closedVacancy(region: TwoTrustRegion, months: number, statuses: ApplicationStatus[]) {
    const r = { ...region, vacancyId: await staffroomVacancy(t.db, region, monthsAgo(months + 1)) };
    await t.db
      .update(vacancies)
      .set({ status: "closed", closedAt: monthsAgo(months) })
      .where(eq(vacancies.id, r.vacancyId));
    const made = [];
    for (const status of statuses) {
      const { teacher, application } = await applicationIn(t.db, r, status, {
        referees: [referee({ name: "Grace Head", currentEmployer: true })],
      });
      await t.db
        .insert(applicationNotes)
        .values({ applicationId: application.id, authorUserId: r.hrA.id, body: "Strong on fieldwork" });
      await t.db.insert(applicationMessages).values({
        applicationId: application.id,
        senderUserId: teacher.id,
        fromEmployer: false,
        body: "My phone is 07700 900982",
      });
      await t.db.insert(applicationEvents).values({
        applicationId: application.id,
        fromStatus: "submitted",
        toStatus: status,
        message: "Dear Amara, thank you",
      });
      await t.db.insert(applicationReferences).values({
        applicationId: application.id,
        referee: referee({ name: "Grace Head" }),
        state: "received",
        tokenHash: `hash-${application.id}`,
        expiresAt: monthsAgo(months),
        answers: referenceAnswers(),
      });
      made.push({ status, teacher, application });
    }
    return { r, made };
  }

  it("anonymises unsuccessful and withdrawn applications six months after closing, keeping status and dates", async () => {
    const region = await twoTrustRegion(t.db);
    const old = await closedVacancy(region, 7, ["unsuccessful", "withdrawn", "offered", "accepted", "draft"]);
    const recent = await closedVacancy(region, 5, ["unsuccessful"]);

    expect(await applyRetention(t.db, NOW)).toEqual({ anonymised: 2, draftsDeleted: 1 });

    const byId = new Map((await t.db.select().from(applications)).map((a) => [a.id, a]));
    const [unsuccessful, withdrawn, offered, accepted, draft] = old.made;
    expect(byId.has(draft!.application.id)).toBe(false);
    for (const gone of [unsuccessful!, withdrawn!]) {
      const a = byId.get(gone.application.id)!;
      expect(a.status).toBe(gone.status);
      expect(a.submittedAt).toEqual(gone.application.submittedAt);
      expect(a.userId).toBeNull();
      expect(a.anonymisedAt).toEqual(NOW);
      expect(a.supportingStatement).toBe("");
      expect(a.profile).toMatchObject({
        name: "",
        email: "",
        phone: "",
        referees: [],
        personalStatement: "",
        trn: null,
      });
      expect(JSON.stringify(a.profile)).not.toMatch(/Amara|Riverside|Grace|1234567/);
      // The teacher's account is theirs: retention anonymises applications, not people.
      expect(await t.db.select().from(users).where(eq(users.id, gone.teacher.id))).toHaveLength(1);
    }
    for (const kept of [offered!, accepted!, recent.made[0]!]) {
      const a = byId.get(kept.application.id)!;
      expect(a.anonymisedAt).toBeNull();
      expect(a.profile.name).toBe("Amara Okafor");
    }

    const countFor = async (table: typeof applicationNotes | typeof applicationMessages) =>
      (await t.db.select({ id: table.applicationId }).from(table)).map((r) => r.id).sort();
    const keptIds = [offered!, accepted!, recent.made[0]!].map((m) => m.application.id).sort();
    expect(await countFor(applicationNotes)).toEqual(keptIds);
    expect(await countFor(applicationMessages)).toEqual(keptIds);

    const refs = await t.db
      .select()
      .from(applicationReferences)
      .where(eq(applicationReferences.applicationId, unsuccessful!.application.id));
    expect(refs).toMatchObject([
      { answers: null, tokenHash: null, referee: { name: "", email: "", organisation: "" } },
    ]);
    const events = await t.db
      .select()
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, withdrawn!.application.id));
    expect(events).toMatchObject([{ toStatus: "withdrawn", message: null }]);

    // Nothing left to do the next night.
    expect(await applyRetention(t.db, new Date(NOW.getTime() + 86_400_000))).toEqual({
      anonymised: 0,
      draftsDeleted: 0,
    });
  });

  it("counts from the closing time of a vacancy that ran out, and leaves open vacancies alone", async () => {
    const r = await referencesRegion(t.db, monthsAgo(7));
    // Still "published" (the closing job has not run), but its closing moment is seven months gone.
    const ranOut = await applicationIn(t.db, r, "withdrawn");
    const stillOpen = await applicationIn(t.db, { vacancyId: await staffroomVacancy(t.db, r) }, "withdrawn");
    expect(await applyRetention(t.db, NOW)).toEqual({ anonymised: 1, draftsDeleted: 0 });
    const anonymised = await t.db
      .select({ id: applications.id })
      .from(applications)
      .where(sql`${applications.anonymisedAt} IS NOT NULL`);
    expect(anonymised).toEqual([{ id: ranOut.application.id }]);
    expect(stillOpen.application.id).not.toBe(ranOut.application.id);
  });
});
