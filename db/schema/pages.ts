import { sql } from "drizzle-orm";
import { boolean, check, pgTable, text } from "drizzle-orm/pg-core";

/**
 * One row whose stamp changes with every committed write to a table that pages shown to visitors who are not signed
 * in may read (ADR 0041): pages kept in memory are kept for one stamp. Written by triggers (migration 0029), never by
 * the app.
 */
export const pageGeneration = pgTable(
  "page_generation",
  {
    id: boolean("id").primaryKey().default(true),
    stamp: text("stamp").notNull(),
  },
  (t) => [check("page_generation_one_row", sql`${t.id}`)],
);
