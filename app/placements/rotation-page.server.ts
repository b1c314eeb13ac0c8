import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { offerOptionLabel } from "./components/rotation-view";
import { searchOffers } from "./offers.server";
import type { Rotation } from "./trainees.server";
import { firstRow, parseRows } from "../../db/rows";
import { z } from "../forms/zod";

/**
 * The offers a trainee can be booked on: open, at schools their provider has an agreement with, in their phase,
 * nearest their home first; full ones last, for their waiting lists.
 */
export async function bookableOffers(db: Executor, rotation: Rotation) {
  const provider = firstRow(
    parseRows(
      await db.execute(
        sql`SELECT id, partnership_id AS "partnershipId" FROM organisations WHERE id = ${rotation.trainee.providerId}`,
      ),
      z.object({ id: z.string(), partnershipId: z.string().nullable() }),
      "the trainee's provider",
    ),
    "the trainee's provider",
  );
  const home = firstRow(
    parseRows(
      await db.execute(sql`SELECT home_lat AS lat, home_lng AS lng FROM trainees WHERE id = ${rotation.trainee.id}`),
      z.object({ lat: z.number().nullable(), lng: z.number().nullable() }),
      "the trainee of this rotation",
    ),
    "the trainee of this rotation",
  );
  const from = home.lat !== null && home.lng !== null ? { lat: home.lat, lng: home.lng, label: "home" } : null;
  const result = await searchOffers(
    db,
    provider,
    { phase: rotation.trainee.phase as "primary" | "secondary" | "special" },
    { from, agreedOnly: true, includeFull: true, limit: 100 },
  );
  return result.offers.map((o) => ({ value: o.id, label: offerOptionLabel(o) }));
}
