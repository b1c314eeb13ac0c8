import { z } from "./zod";

/**
 * A calendar date typed in a form (an `<input type="date">` sends 2026-09-07; without JavaScript people type it).
 * The pattern alone lets 2026-13-01 and 2026-02-30 through, so the date must also survive a round trip; an invalid
 * one is a field error, never an exception from `toISOString()`.
 */
export function dayField(label: string, example = "2026-09-07") {
  return z
    .string({ error: `Enter the ${label}` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `Enter the ${label} as a date, for example ${example}` })
    .refine(
      (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      { error: `Enter a real ${label}` },
    );
}

/**
 * A record chosen in a form (a select's value, a hidden id). Every id is a UUID made by the database; anything else
 * names no record, and must not reach a query (a NUL byte there is a database error, not a refusal).
 */
export function idField(message: string) {
  return z
    .string({ error: message })
    .trim()
    .pipe(z.uuid({ error: message }));
}

/** An id from a URL that could be a row's: anything else is simply not found (never a database error). */
export const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

// eslint-disable-next-line no-control-regex
const UNTYPABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Text a person could have typed: no control characters but tab and line breaks. PostgreSQL cannot store U+0000,
 * so without this check a pasted NUL would be a database error (a 500) instead of a message at the field.
 */
export const typable = (v: string) => !UNTYPABLE.test(v);
export const UNTYPABLE_MESSAGE = "Remove the unusual characters";
