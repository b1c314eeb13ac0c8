import { sql } from "drizzle-orm";
import { doublePrecision, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { organisations } from "./organisations";
import { partnerships } from "./partnerships";

/** A school as registered with the DfE (GIAS), identified by its URN. */
export const schools = pgTable(
  "schools",
  {
    id: id(),
    urn: integer("urn").notNull(),
    name: text("name").notNull(),
    phase: text("phase").notNull(),
    establishmentType: text("establishment_type"),
    /** Academy, LA maintained, independent, special… (GIAS EstablishmentTypeGroup or the funding category). */
    typeGroup: text("type_group"),
    religiousCharacter: text("religious_character"),
    statutoryLowAge: integer("statutory_low_age"),
    statutoryHighAge: integer("statutory_high_age"),
    laCode: text("la_code").notNull(),
    laName: text("la_name").notNull(),
    /**
     * The local government district (ONS code and name, GIAS "DistrictAdministrative"): in two-tier counties it
     * decides the London fringe pay area. Only the GIAS download carries it.
     */
    districtCode: text("district_code"),
    districtName: text("district_name"),
    region: text("region"),
    postcode: text("postcode"),
    town: text("town"),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    pupils: integer("pupils"),
    website: text("website"),
    trustId: text("trust_id").references(() => organisations.id),
    partnershipId: text("partnership_id").references(() => partnerships.id),
    /** Where the row came from and when that source was dated. */
    source: text("source").notNull(),
    sourceDate: text("source_date"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("schools_urn_key").on(t.urn),
    index("schools_la_code_idx").on(t.laCode),
    index("schools_trust_idx").on(t.trustId),
    index("schools_partnership_idx").on(t.partnershipId),
    index("schools_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
    index("schools_earth_idx")
      .using("gist", sql`ll_to_earth(${t.lat}, ${t.lng})`)
      .where(sql`${t.lat} IS NOT NULL AND ${t.lng} IS NOT NULL`),
  ],
);
