import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { idRow, parseRows } from "../rows";
import type { LocalAuthority, TrustSlug } from "./demo-cast";
import type { SchoolGrouping } from "./partnership";

/**
 * The demo cast around real Greater Manchester schools (schools-greater-manchester.csv).
 *
 * The local authority is Trafford (DfE 358): the one LA whose schools are also in the richer
 * schools-trafford-full.csv. The trusts stay fictional, so real schools are attached to invented trusts:
 * this is a demo of the product, not a statement about who runs which school. Schools are picked
 * deterministically from four neighbouring LAs, phases interleaved so each group gets a mix.
 */
export const realLocalAuthority: LocalAuthority = { slug: "trafford-council", name: "Trafford Council", laCode: "358" };
export const realRegion = "Greater Manchester";

type Pick = { typeGroup: "academy" | "la_maintained"; laCode: string; count: number };

const picks: Record<TrustSlug | "localAuthority", Pick[]> = {
  "northbrook-learning-trust": [
    { typeGroup: "academy", laCode: "358", count: 6 },
    { typeGroup: "academy", laCode: "352", count: 5 },
    { typeGroup: "academy", laCode: "355", count: 5 },
  ],
  "riverside-schools-trust": [{ typeGroup: "academy", laCode: "356", count: 9 }],
  "small-oak-trust": [{ typeGroup: "academy", laCode: "358", count: 3 }],
  localAuthority: [{ typeGroup: "la_maintained", laCode: "358", count: 12 }],
};

/** Chooses about 40 imported schools; schools without coordinates are never chosen. */
export async function chooseRealSchools(db: Executor): Promise<SchoolGrouping> {
  const taken = new Set<string>();
  const grouping = {} as SchoolGrouping;
  for (const [group, list] of Object.entries(picks) as [keyof SchoolGrouping, Pick[]][]) {
    grouping[group] = [];
    for (const pick of list) {
      const candidates = await candidatesFor(db, pick);
      const chosen = candidates.filter((id) => !taken.has(id)).slice(0, pick.count);
      chosen.forEach((id) => taken.add(id));
      grouping[group].push(...chosen);
    }
  }
  return grouping;
}

// The n-th school of each phase before the (n+1)-th of any: a phase mix, stable across runs.
async function candidatesFor(db: Executor, pick: Pick): Promise<string[]> {
  const rows = parseRows(
    await db.execute(sql`
      SELECT id FROM (
        SELECT id, urn, row_number() OVER (PARTITION BY phase ORDER BY urn) AS rank_in_phase
        FROM schools
        WHERE la_code = ${pick.laCode} AND type_group = ${pick.typeGroup}
          AND lat IS NOT NULL AND trust_id IS NULL AND partnership_id IS NULL
      ) ranked
      ORDER BY rank_in_phase, urn
      LIMIT ${pick.count * 4}`),
    idRow,
    "an id",
  );
  return rows.map((r) => r.id);
}
