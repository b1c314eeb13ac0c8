import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { firstRow, parseRows } from "../rows";
import { vacancies, vacancyEvents, vacancySchools, vacancyShareConfirmations } from "../schema";
import { demoUsers } from "./demo-cast";
import { PAY_2025_26 } from "./vacancies";

/**
 * Two roles shared across employers (docs/decisions/0022), for the README's "what to try": Northbrook Learning Trust
 * employs, and one of Riverside Schools Trust's schools takes a share. One is published, its share confirmed by
 * Riverside's HR; the other is a complete draft whose share waits for Riverside's answer.
 */

const LEAD = "northbrook-learning-trust";
const PARTNER = "riverside-schools-trust";

const schoolRow = z.object({ id: z.string(), name: z.string() });

export async function seedSharedRoles(tx: Executor, partnershipId: string, now: Date): Promise<number> {
  const trusts = parseRows(
    await tx.execute(sql`SELECT id, slug, name FROM organisations
                          WHERE partnership_id = ${partnershipId} AND slug IN (${LEAD}, ${PARTNER})`),
    z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    "the two trusts sharing roles",
  );
  const lead = trusts.find((t) => t.slug === LEAD);
  const partner = trusts.find((t) => t.slug === PARTNER);
  if (!lead || !partner) return 0;
  // Secondary schools first, then by URN: the same schools on every run.
  const schoolsOf = async (trustId: string) =>
    parseRows(
      await tx.execute(sql`SELECT id, name FROM schools WHERE trust_id = ${trustId}
                            ORDER BY (phase = 'Secondary') DESC, urn LIMIT 2`),
      schoolRow,
      "the demo schools",
    );
  const [leadSchools, partnerSchools] = [await schoolsOf(lead.id), await schoolsOf(partner.id)];
  const [lead1, lead2] = leadSchools;
  const [partner1, partner2] = partnerSchools;
  if (!lead1 || !lead2 || !partner1 || !partner2) return 0;
  const users = parseRows(
    await tx.execute(sql`SELECT id, email FROM users WHERE email IN (${demoEmail(LEAD)}, ${demoEmail(PARTNER)})`),
    z.object({ id: z.string(), email: z.string() }),
    "the two trusts' HR users",
  );
  const leadHr = users.find((u) => u.email === demoEmail(LEAD))?.id ?? null;
  const partnerHr = users.find((u) => u.email === demoEmail(PARTNER))?.id ?? null;
  const days = (n: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + n, 12));

  const common = {
    ownerOrganisationId: lead.id,
    role: "classroom_teacher",
    phases: ["secondary"],
    keyStages: ["ks3", "ks4"],
    payRange: "main" as const,
    payPointFrom: "M1",
    payPointTo: "M6",
    salaryMinFte: PAY_2025_26.main[0],
    salaryMaxFte: PAY_2025_26.main[5],
    ectSuitable: false,
    startKind: "date" as const,
    startDate: "2027-09-01",
    applyMethod: "external_link" as const,
    applyUrl: "https://example.org/demo-vale/apply",
    contactEmail: "recruitment@demo-vale.example",
    createdBy: leadHr,
  };
  const roles = [
    {
      subject: "music",
      title: "Teacher of Music",
      schools: [lead1, partner1] as const,
      shares: ["0.600", "0.400"] as const,
      confirmed: true,
    },
    {
      subject: "computing",
      title: "Teacher of Computing",
      schools: [lead2, partner2] as const,
      shares: ["0.500", "0.500"] as const,
      confirmed: false,
    },
  ];
  for (const role of roles) {
    const [leadSchool, partnerSchool] = role.schools;
    const row = firstRow(
      await tx
        .insert(vacancies)
        .values({
          ...common,
          title: `${role.title} (shared with ${partnerSchool.name})`,
          subjects: [role.subject],
          aboutRole: `${role.title} at ${leadSchool.name} and ${partnerSchool.name}: one post, employed by ${lead.name}, with ${partnerSchool.name} of ${partner.name} taking part of the week. A demonstration vacancy in a fictional region.`,
          aboutSchool: `Two schools of the Demo Vale Schools Partnership, a fictional group of schools recruiting together.`,
          ...(role.confirmed
            ? { status: "published" as const, publishedAt: days(-5), closesAt: days(30) }
            : { status: "draft" as const, closesAt: days(40) }),
        })
        .returning({ id: vacancies.id }),
      "the row inserted into vacancies",
    );
    await tx.insert(vacancySchools).values(
      role.schools.map((s, position) => ({
        vacancyId: row.id,
        schoolId: s.id,
        fteShare: role.shares[position],
        position,
      })),
    );
    await tx.insert(vacancyShareConfirmations).values({
      vacancyId: row.id,
      schoolId: partnerSchool.id,
      employerName: partner.name,
      requestedAt: days(-7),
      requestedBy: leadHr,
      ...(role.confirmed ? { state: "confirmed" as const, decidedAt: days(-6), decidedBy: partnerHr } : {}),
    });
    const share = `${partnerSchool.name} (${Number(role.shares[1])} FTE)`;
    await tx.insert(vacancyEvents).values([
      { vacancyId: row.id, action: "created", note: "Demo vacancy from the seed", at: days(-8) },
      {
        vacancyId: row.id,
        userId: leadHr,
        action: "confirmation requested",
        note: `Asked ${partner.name} to confirm ${share}`,
        at: days(-7),
      },
      ...(role.confirmed
        ? [
            {
              vacancyId: row.id,
              userId: partnerHr,
              action: "share confirmed",
              note: `${share} for ${partner.name}`,
              at: days(-6),
            },
            { vacancyId: row.id, userId: leadHr, action: "published", at: days(-5) },
          ]
        : []),
    ]);
  }
  return roles.length;
}

function demoEmail(trustSlug: string): string {
  return demoUsers.find((u) => u.role === "hr" && u.scope.kind === "organisation" && u.scope.org === trustSlug)!.email;
}
