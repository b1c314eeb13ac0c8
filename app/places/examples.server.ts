import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { z } from "../forms/zod";
import { outcodeOf } from "../vocabulary/postcodes";

/** Real places of the region being shown, for hints: a newcomer in Demoshire must not be told "M33 6AA". */
export type PlaceExamples = { postcode: string; outcode: string; town: string; localAuthority: string };

const TTL_MS = 10 * 60_000;
let cached: { at: number; examples: PlaceExamples | null } | null = null;

/**
 * One school's postcode, postcode district, town and local authority, from the largest local authority (by
 * schools) that has a school whose postcode Staffroom can find: an example that fails would mislead.
 * Read again every ten minutes at most (it changes only when schools are imported).
 */
export async function placeExamples(db: Executor, now = Date.now()): Promise<PlaceExamples | null> {
  if (cached && now - cached.at < TTL_MS) return cached.examples;
  const [row] = parseRows(
    await db.execute(sql`
      WITH sizes AS (SELECT la_name, count(*) AS n FROM schools WHERE la_name IS NOT NULL GROUP BY la_name)
      SELECT s.postcode, s.town, s.la_name AS "laName"
        FROM schools s JOIN sizes ON sizes.la_name = s.la_name
        JOIN places p ON p.key = upper(s.postcode) AND p.kind = 'postcode'
       WHERE s.town IS NOT NULL AND s.town <> ''
       ORDER BY sizes.n DESC, s.la_name, s.urn
       LIMIT 1`),
    z.object({ postcode: z.string(), town: z.string(), laName: z.string() }),
    "a school of the largest local authority with a known postcode",
  );
  const examples = row
    ? {
        postcode: row.postcode.toUpperCase(),
        outcode: outcodeOf(row.postcode.toUpperCase()),
        town: row.town,
        localAuthority: row.laName,
      }
    : null;
  cached = { at: now, examples };
  return examples;
}

/** "For example M33 6AA, M33, Sale or Trafford", leaving out whatever the person just typed. */
export function placeHint(examples: PlaceExamples | null, typed = ""): string {
  if (!examples) return "A full postcode, a postcode district, a town or a local authority";
  const same = (v: string) => v.toLowerCase() === typed.trim().toLowerCase();
  const list = [examples.postcode, examples.outcode, examples.town, examples.localAuthority].filter((v) => !same(v));
  return `For example ${list.slice(0, -1).join(", ")} or ${list[list.length - 1]}`;
}

/** What to say when a place was not found: the region's own examples, never the one that failed. */
export function placeNotFoundMessage(examples: PlaceExamples | null, typed: string): string {
  const shown = typed.trim().slice(0, 80);
  if (!examples)
    return `We could not find “${shown}”. Try a full postcode, a postcode district, a town or a local authority.`;
  const same = (v: string) => v.toLowerCase() === typed.trim().toLowerCase();
  const parts = (
    [
      ["a full postcode like", examples.postcode],
      ["a postcode district like", examples.outcode],
      ["a town like", examples.town],
      ["a local authority like", examples.localAuthority],
    ] as const
  ).map(([words, example]) => (same(example) ? words.replace(/ like$/, "") : `${words} ${example}`));
  return `We could not find “${shown}”. Try ${parts.slice(0, -1).join(", ")} or ${parts.at(-1)}.`;
}

/** Tests reset the memo between databases. */
export function forgetPlaceExamples() {
  cached = null;
}
