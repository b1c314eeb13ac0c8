import { sql } from "drizzle-orm";
import { bigint, boolean, check, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The pages' generation (ADR 0041): pages kept in memory for visitors are kept for one. It is
 * `epoch:(folded + the rows of page_writes)`, the number of transactions ever committed that wrote a table such pages
 * may read, which every such commit raises and nothing lowers. The epoch is new whenever the tables are emptied
 * wholesale (a count could come back); `folded` takes in page_writes' rows now and then (foldPageWrites), in the
 * transaction that deletes them. Written by triggers (migration 0029) and that fold only.
 */
export const pageGeneration = pgTable(
  "page_generation",
  {
    id: boolean("id").primaryKey().default(true),
    epoch: text("epoch").notNull(),
    folded: bigint("folded", { mode: "number" }).notNull().default(0),
  },
  (t) => [check("page_generation_one_row", sql`${t.id}`)],
);

/**
 * One row per committed transaction that wrote a watched table: inserted, never updated, so that writers never wait
 * for one another here (a single row updated by every writer locked them in turn, and deadlocked two writers waiting
 * on each other's rows at commit).
 */
export const pageWrites = pgTable("page_writes", {
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
});
