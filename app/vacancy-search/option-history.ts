/**
 * Option values that have been renamed or retired, and what each now means. A saved job alert (or a shared
 * link) keeps the values it was made with; when an option list changes, its old value is mapped here so the
 * alert goes on matching what the teacher meant. Removing an option value without adding it here fails
 * tests/unit/search-query.test.ts, which checks every value ever offered (tests/unit/option-values.json).
 */
import type { FilterField } from "./query";

export type Rename = { from: string; to: string; since: string; why: string };

export const OPTION_RENAMES: Partial<Record<FilterField, Rename[]>> = {
  // No option value has been renamed or retired yet. An entry looks like:
  // subject: [{ from: "ict", to: "computing", since: "2027-01-15", why: "ICT became Computing in the subject list" }],
};

export type Mapped = { field: FilterField; from: string; to: string };

/** The current value for a stored one: itself, or what it was renamed to (following chains of renames). */
export function currentValue(
  field: FilterField,
  value: string,
  renames = OPTION_RENAMES,
): { value: string; mapped: boolean } {
  let current = value;
  const seen = new Set<string>();
  for (;;) {
    const next = renames[field]?.find((r) => r.from === current);
    if (!next || seen.has(next.to)) return { value: current, mapped: current !== value };
    seen.add(current);
    current = next.to;
  }
}
