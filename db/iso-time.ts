import { sql, type SQL } from "drizzle-orm";

/**
 * A timestamp column as ISO 8601 text with its offset. postgres.js and PGlite return raw timestamptz values as
 * different types (text or Date); as text both agree, and the browser gets the same string either way.
 */
export function isoTime(column: SQL): SQL {
  return sql`(to_json(${column}) #>> '{}')`;
}
