import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { rowsOf } from "../rows";

export type SeedSummary = { partnerships: number; organisations: number; schools: number; users: number };

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM partnerships`));
  return row.n === 0;
}

// Filled in by the demo seed work (issue 2): generates the fictional region.
export async function seedDemoRegion(_db: Database): Promise<SeedSummary> {
  return { partnerships: 0, organisations: 0, schools: 0, users: 0 };
}
