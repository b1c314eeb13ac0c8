import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { is, Table } from "drizzle-orm";
import * as schema from "../../db/schema";

/**
 * What must never reach the browser: Drizzle's entity markers (any table, column or enum object carries them),
 * and the names of the schema's indexes and constraints, which only the table definitions contain.
 */
export function serverOnlyMarkers(): string[] {
  const names = new Set<string>(["drizzle:Name", "drizzle:Columns", "drizzle:IsDrizzleTable"]);
  for (const value of Object.values(schema)) {
    if (!is(value, Table)) continue;
    const config = getTableConfig(value as PgTable);
    for (const index of config.indexes) if (index.config.name) names.add(index.config.name);
    for (const check of config.checks) names.add(check.name);
  }
  return [...names];
}

export type Leak = { file: string; marker: string };

/** The markers each file contains. */
export function findLeaks(files: { file: string; text: string }[], markers: string[]): Leak[] {
  const leaks: Leak[] = [];
  for (const { file, text } of files) {
    for (const marker of markers) if (text.includes(marker)) leaks.push({ file, marker });
  }
  return leaks;
}

export function javascriptFiles(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...javascriptFiles(full));
    else if (name.endsWith(".js")) out.push({ file: full, text: readFileSync(full, "utf8") });
  }
  return out;
}
