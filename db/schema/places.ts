import { doublePrecision, index, integer, pgEnum, pgTable, text } from "drizzle-orm/pg-core";

export const placeKind = pgEnum("place_kind", ["postcode", "sector", "outcode"]);

/**
 * Centroids that turn a typed postcode, sector ("M33 6") or outcode ("M33") into a point.
 * The key is the canonical upper-case form with one space ("M33 6AA").
 */
export const places = pgTable(
  "places",
  {
    key: text("key").primaryKey(),
    kind: placeKind("kind").notNull(),
    lat: doublePrecision("lat").notNull(),
    lng: doublePrecision("lng").notNull(),
    laCode: text("la_code"),
    laName: text("la_name"),
    postcodeCount: integer("postcode_count"),
    source: text("source").notNull(),
  },
  (t) => [index("places_la_name_idx").on(t.laName)],
);
