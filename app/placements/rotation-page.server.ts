import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { offerOptionLabel } from "./components/rotation-view";
import { searchOffers } from "./offers.server";
import type { Rotation } from "./trainees.server";
import { firstRow, rowsOf } from "../../db/rows";

/**
 * The offers a trainee can be booked on: open, at schools their provider has an agreement with, in their phase,
 * nearest their home first; full ones last, for their waiting lists.
 */
export async function bookableOffers(db: Executor, rotation: Rotation) {
  const provider = firstRow(
    rowsOf<{ id: string; partnershipId: string | null }>(
      await db.execute(
        sql`SELECT id, partnership_id AS "partnershipId" FROM organisations WHERE id = ${rotation.trainee.providerId}`,
      ),
    ),
    "the trainee's provider",
  );
  const home = firstRow(
    rowsOf<{ lat: number | null; lng: number | null }>(
      await db.execute(sql`SELECT home_lat AS lat, home_lng AS lng FROM trainees WHERE id = ${rotation.trainee.id}`),
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
