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
