import { jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

export type PartnershipSettings = {
  /** Default search radius in miles for the area's teachers. */
  defaultRadiusMiles?: number;
};

/** An area's collaboration: the schools, trusts and LAs that recruit together. */
export const partnerships = pgTable(
  "partnerships",
  {
    id: id(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    region: text("region").notNull(),
    settings: jsonb("settings").$type<PartnershipSettings>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("partnerships_slug_key").on(t.slug)],
);
