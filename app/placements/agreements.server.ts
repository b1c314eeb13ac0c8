import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import type { Enqueue } from "../../db/jobs";
import { firstRow, parseRows } from "../../db/rows";
import { z } from "../forms/zod";
import { queueEmail } from "../../emails/outbox.server";
import { academicYearLabel } from "./academic-year";
import { coordinatedProviderIds, hostedSchoolIds } from "./access.server";
import { agreementRow, idRow, nameRow, pairingRow } from "./rows";
import { coordinatorsOf, refuse, schoolContacts, type Contact, type Outcome } from "./booking-parts.server";

type Context = { appUrl: string; enqueue: Enqueue };
type Side = "provider" | "school";

export type Agreement = z.infer<typeof agreementRow>;

const columns = sql`
  a.id, a.provider_id AS "providerId", p.name AS "providerName", p.slug AS "providerSlug", a.school_id AS "schoolId",
  s.name AS "schoolName", s.urn AS "schoolUrn", a.academic_year AS "academicYear", a.status,
  a.requested_by_side AS "requestedBySide", a.withdrawn_reason AS "withdrawnReason"`;

/** Agreements of one provider or one school, the ones waiting for an answer first, then by year and name. */
export async function agreementsOf(db: Executor, of: { providerId: string } | { schoolId: string }) {
  const where = "providerId" in of ? sql`a.provider_id = ${of.providerId}` : sql`a.school_id = ${of.schoolId}`;
  return parseRows(
    await db.execute(sql`
      SELECT ${columns}
        FROM placement_agreements a JOIN organisations p ON p.id = a.provider_id JOIN schools s ON s.id = a.school_id
       WHERE ${where}
       ORDER BY a.status = 'requested' DESC, a.status = 'withdrawn', a.academic_year DESC, s.name, p.name`),
    agreementRow,
    "a provider's or a school's agreements",
  );
}

/** The other side a provider or a school may ask: schools or ITT providers of the same partnership. */
export async function partnersFor(db: Executor, of: { providerId: string } | { schoolId: string }) {
  return "providerId" in of
    ? parseRows(
        await db.execute(sql`
          SELECT s.id, s.name || coalesce(', ' || s.town, '') AS name FROM schools s
           WHERE s.partnership_id = (SELECT partnership_id FROM organisations WHERE id = ${of.providerId})
           ORDER BY s.name`),
        nameRow,
        "the schools a provider may ask",
      )
    : parseRows(
        await db.execute(sql`
          SELECT o.id, o.name FROM organisations o
           WHERE o.kind = 'itt_provider'
             AND o.partnership_id = (SELECT partnership_id FROM schools WHERE id = ${of.schoolId})
           ORDER BY o.name`),
        nameRow,
        "the providers a school may ask",
      );
}

/** Whoever should hear from the side that did not act: the school's HR, or the provider's coordinators. */
async function otherSide(tx: Executor, side: Side, a: { providerId: string; schoolId: string }): Promise<Contact[]> {
  return side === "provider" ? schoolContacts(tx, a.schoolId, null) : coordinatorsOf(tx, a.providerId);
}

async function tell(
  tx: Executor,
  side: Side,
  a: Pick<Agreement, "providerId" | "providerName" | "providerSlug" | "schoolId" | "schoolName" | "schoolUrn">,
  year: number,
  event: "requested" | "accepted" | "withdrawn",
  reason: string | null,
  context: Context,
) {
  const url =
    side === "provider"
      ? `${context.appUrl}/placements/schools/${a.schoolUrn}#agreements`
      : `${context.appUrl}/placements/providers/${a.providerSlug}/agreements`;
  for (const person of await otherSide(tx, side, a))
    await queueEmail(tx, context.enqueue, person.email, "placement-agreement", {
      name: person.name,
      event,
      providerName: a.providerName,
      schoolName: a.schoolName,
      year: academicYearLabel(year),
      by: side === "provider" ? a.providerName : a.schoolName,
      reason,
      url,
    });
}

/**
 * One side asks the other to work together for a year: a provider asks a school of its partnership, or a school
 * asks a provider of its partnership. Asking again after a withdrawal reopens the same agreement.
 */
export async function requestAgreement(
  db: Database,
  actor: { userId: string; side: Side },
  pair: { providerId: string; schoolId: string },
  year: number,
  context: Context,
): Promise<Outcome<{ agreementId: string }>> {
  const partnerField = actor.side === "provider" ? "schoolId" : "providerId";
  return db.transaction(async (tx) => {
    const [pairing] = parseRows(
      await tx.execute(sql`
        SELECT p.id AS "providerId", p.name AS "providerName", p.slug AS "providerSlug", s.id AS "schoolId",
               s.name AS "schoolName", s.urn AS "schoolUrn"
          FROM organisations p JOIN schools s ON s.partnership_id = p.partnership_id
         WHERE p.id = ${pair.providerId} AND s.id = ${pair.schoolId} AND p.kind = 'itt_provider'`),
      pairingRow,
      "the provider and school of an agreement request",
    );
    if (!pairing)
      return refuse(400, "Check the agreement", {
        [partnerField]: [
          actor.side === "provider"
            ? "Choose a school of your partnership"
            : "Choose an ITT provider of your partnership",
        ],
      });
    // Serialises two requests for the same pair, so both sides asking at once make one agreement.
    await tx.execute(
      sql`SELECT pg_advisory_xact_lock(hashtext(${`agreement:${pair.providerId}:${pair.schoolId}:${year}`}))`,
    );
    const [existing] = parseRows(
      await tx.execute(sql`
        SELECT id, status FROM placement_agreements
         WHERE provider_id = ${pair.providerId} AND school_id = ${pair.schoolId} AND academic_year = ${year}`),
      z.object({ id: z.string(), status: z.string() }),
      "the agreement already asked for",
    );
    if (existing && existing.status !== "withdrawn")
      return refuse(409, "Already asked", {
        [partnerField]: [
          `${pairing.providerName} and ${pairing.schoolName} already have ${existing.status === "accepted" ? "an agreement" : "a request waiting"} for ${academicYearLabel(year)}`,
        ],
      });
    const row = firstRow(
      parseRows(
        existing
          ? await tx.execute(sql`
            UPDATE placement_agreements
               SET status = 'requested', requested_by = ${actor.userId}, requested_by_side = ${actor.side},
                   withdrawn_reason = NULL, decided_at = NULL
             WHERE id = ${existing.id} RETURNING id`)
          : await tx.execute(sql`
            INSERT INTO placement_agreements (provider_id, school_id, academic_year, status, requested_by, requested_by_side)
            VALUES (${pair.providerId}, ${pair.schoolId}, ${year}, 'requested', ${actor.userId}, ${actor.side})
            RETURNING id`),
        idRow,
        "the agreement row written",
      ),
      "the agreement row written",
    );
    await tell(tx, actor.side, pairing, year, "requested", null, context);
    return { ok: true as const, agreementId: row.id };
  });
}

/**
 * The other side accepts a request; either side withdraws a request or an agreement, with a reason. An agreement
 * outside the actor's provider or schools is not found. Placements already booked stay; new ones need an agreement.
 */
export async function decideAgreement(
  db: Database,
  actor: { userId: string; side: Side },
  agreementId: string,
  action: "accept" | "withdraw",
  reasonText: string | undefined,
  context: Context,
): Promise<Outcome<{ status: "accepted" | "withdrawn" }>> {
  if (!/^[0-9a-f-]{36}$/i.test(agreementId)) return refuse(404, "Agreement not found");
  const scope =
    actor.side === "provider"
      ? sql`a.provider_id IN (${coordinatedProviderIds(actor.userId)})`
      : sql`a.school_id IN (${hostedSchoolIds(actor.userId)})`;
  return db.transaction(async (tx) => {
    const [a] = parseRows(
      await tx.execute(sql`
        SELECT ${columns}
          FROM placement_agreements a JOIN organisations p ON p.id = a.provider_id JOIN schools s ON s.id = a.school_id
         WHERE a.id = ${agreementId} AND ${scope}
           FOR UPDATE OF a`),
      agreementRow,
      "the agreement decided",
    );
    if (!a) return refuse(404, "Agreement not found");
    const reason = reasonText?.trim() ?? "";
    if (action === "accept") {
      if (a.status !== "requested") return refuse(409, `This agreement is ${a.status}: there is nothing to accept`);
      if (a.requestedBySide === actor.side)
        return refuse(
          409,
          `Your side asked for this agreement: ${actor.side === "provider" ? "the school" : "the provider"} accepts it`,
        );
    } else {
      if (a.status === "withdrawn") return refuse(409, "This agreement is already withdrawn");
      if (reason.length < 5)
        return refuse(400, "Give a reason", { reason: ["Give a reason of at least 5 characters"] });
    }
    const status = action === "accept" ? ("accepted" as const) : ("withdrawn" as const);
    await tx.execute(sql`
      UPDATE placement_agreements
         SET status = ${status}, decided_at = now(), withdrawn_reason = ${status === "withdrawn" ? reason : null}
       WHERE id = ${a.id}`);
    await tell(tx, actor.side, a, a.academicYear, status, status === "withdrawn" ? reason : null, context);
    return { ok: true as const, status };
  });
}
