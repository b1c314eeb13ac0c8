import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { z } from "../forms/zod";
import { outcodeOf, parsePostcodeQuery, sectorOf, type PostcodeKind } from "../vocabulary/postcodes";

export type PlaceKind = PostcodeKind | "local_authority" | "town";
export type ResolvedPlace = { lat: number; lng: number; label: string; kind: PlaceKind };

// Longer than any UK place name; anything longer is not a place and is not worth a query.
const MAX_INPUT = 80;

/**
 * Turns what someone typed into a point: a postcode ("M33 6AA", "m336aa"), a sector ("M33 6"), an
 * outcode ("M33"), or a local authority or town name. Null when nothing matches.
 *
 * A full postcode missing from places (new, or not imported) falls back to its sector, then its
 * outcode, and the label says which was used. Names try the local authority before the town,
 * because GIAS towns are postal towns: "Manchester" spans schools in Trafford and Salford too.
 */
export async function resolvePlace(db: Executor, input: string): Promise<ResolvedPlace | null> {
  const text = input.trim().replace(/\s+/g, " ");
  if (text === "" || text.length > MAX_INPUT) return null;
  const parsed = parsePostcodeQuery(text);
  if (parsed) {
    const keys = parsed.kind === "postcode" ? [parsed.key, sectorOf(parsed.key), outcodeOf(parsed.key)] : [parsed.key];
    const found = await firstPlace(db, keys);
    if (found) return found;
  }
  return (
    (await centroidOfSchools(db, sql`lower(la_name) = lower(${text})`, "local_authority")) ??
    (await centroidOfPlacesInLa(db, text)) ??
    (await centroidOfSchools(db, sql`lower(town) = lower(${text})`, "town"))
  );
}

async function firstPlace(db: Executor, keys: string[]): Promise<ResolvedPlace | null> {
  const rows = parseRows(
    await db.execute(sql`SELECT key, kind, lat, lng FROM places WHERE key IN ${keys}`),
    z.object({ key: z.string(), kind: z.enum(["postcode", "sector", "outcode"]), lat: z.number(), lng: z.number() }),
    "the places of a postcode, its sector and its outcode",
  );
  for (const key of keys) {
    const row = rows.find((r) => r.key === key);
    if (row) return { lat: Number(row.lat), lng: Number(row.lng), label: row.key, kind: row.kind };
  }
  return null;
}

/** A mean position and the name of what was averaged: all null when nothing matched. */
const centroidRow = z.object({ lat: z.number().nullable(), lng: z.number().nullable(), label: z.string().nullable() });

/** The mean position of the matching schools: where the jobs are, which is what a searcher wants. */
async function centroidOfSchools(
  db: Executor,
  where: ReturnType<typeof sql>,
  kind: "local_authority" | "town",
): Promise<ResolvedPlace | null> {
  const column = kind === "town" ? sql.raw("town") : sql.raw("la_name");
  const [row] = parseRows(
    await db.execute(
      sql`SELECT avg(lat) AS lat, avg(lng) AS lng, min(${column}) AS label
          FROM schools WHERE ${where} AND lat IS NOT NULL AND lng IS NOT NULL`,
    ),
    centroidRow,
    "the centroid of matching schools",
  );
  if (!row || row.lat === null || row.lng === null || row.label === null) return null;
  return { lat: round6(row.lat), lng: round6(row.lng), label: row.label, kind };
}

/** An LA known only from postcode data (no schools imported there): the mean of its outcode centroids. */
async function centroidOfPlacesInLa(db: Executor, name: string): Promise<ResolvedPlace | null> {
  const [row] = parseRows(
    await db.execute(
      sql`SELECT avg(lat) AS lat, avg(lng) AS lng, min(la_name) AS label
          FROM places WHERE kind = 'outcode' AND lower(la_name) = lower(${name})`,
    ),
    centroidRow,
    "the centroid of a local authority's outcodes",
  );
  if (!row || row.lat === null || row.lng === null || row.label === null) return null;
  return { lat: round6(row.lat), lng: round6(row.lng), label: row.label, kind: "local_authority" };
}

function round6(x: number | string): number {
  return Math.round(Number(x) * 1e6) / 1e6;
}
