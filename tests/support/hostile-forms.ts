import type { ActionFunctionArgs } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { callRoute, formRequest } from "./requests";

/** Inputs an attacker or a careless paste might send (the corpus of hostile-input.test.ts, and dates gone wrong). */
export const HOSTILE = [
  "a".repeat(20_000),
  "<script>alert('x')</script>",
  "' OR 1=1; DROP TABLE users; --",
  "\u202Eevil\u0000name",
  "🙂".repeat(400),
  "",
  "     ",
  "2027-13-01",
  "25:99",
  "-1",
  "1e9",
  "../../etc/passwd",
];

/** One form of a capability, as the hostile-input walk submits it. */
export type HostileForm = {
  name: string;
  action: (args: ActionFunctionArgs) => Promise<unknown>;
  path: string;
  params: Record<string, string>;
  cookie: string;
  intent: string;
  fields: string[];
  /** Only free text: some hostile values are fair text there (a reason may say "<script>"), shown escaped. */
  text?: true;
};

/** Each table's row count and a digest of its rows: equal snapshots mean nothing was written. */
export async function tableSnapshot(db: Executor, tables: string[]): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    const [row] = rowsOf<{ n: number; digest: string | null }>(
      await db.execute(
        sql.raw(`SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${table} t`),
      ),
    );
    parts.push(`${table}:${row?.n}:${row?.digest}`);
  }
  return parts.join("\n");
}

async function submit(form: HostileForm, value: string) {
  const fields: Record<string, string> = { intent: form.intent };
  for (const field of form.fields) fields[field] = value;
  return callRoute(form.action, formRequest(form.path, fields, form.cookie), form.params);
}

/**
 * Fills every field of every form with each hostile value. A strict form answers 4xx and writes nothing in
 * `tables`; a free-text form never answers 5xx (what it keeps is text, escaped where it is shown).
 */
export async function walkHostileForms(db: Executor, tables: string[], forms: HostileForm[]): Promise<void> {
  const before = await tableSnapshot(db, tables);
  for (const form of forms.filter((f) => !f.text))
    for (const value of HOSTILE) {
      const response = await submit(form, value);
      const label = `${form.name} with ${JSON.stringify(value.slice(0, 30))}`;
      expect(response.status, label).toBeGreaterThanOrEqual(400);
      expect(response.status, label).toBeLessThan(500);
    }
  expect(await tableSnapshot(db, tables)).toBe(before);
  for (const form of forms.filter((f) => f.text))
    for (const value of HOSTILE) {
      const response = await submit(form, value);
      expect(response.status, `${form.name} with ${JSON.stringify(value.slice(0, 30))}`).toBeLessThan(500);
    }
}
