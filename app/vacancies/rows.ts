import { z } from "../forms/zod";

/**
 * Pieces of the row shapes vacancy queries read, checked in development and tests by `parseRows` (db/rows.ts). They
 * describe rows as both drivers give them and never transform them.
 */

/**
 * A timestamp column selected as it is: both drivers give PostgreSQL's text (`2026-12-03 11:31:20.612+00`), not a
 * Date, since Drizzle turns their timestamp parsers off.
 */
export const stampText = z.string().regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/);

/** A numeric column (fte, a school's share of it): text from both drivers, read with `toThousandths`. */
export const numericText = z.string().regex(/^-?\d+(\.\d+)?$/);

/** A count cast `::int`, so both drivers give a number. */
export const countRow = z.object({ n: z.number().int() });
