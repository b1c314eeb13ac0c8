import { index, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { organisationKinds } from "../../app/vocabulary/organisation-kinds";
import { createdAt, id } from "./columns";
import { partnerships } from "./partnerships";

export const organisationKind = pgEnum("organisation_kind", organisationKinds);

/** A body that employs or trains teachers across schools. */
export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    kind: organisationKind("kind").notNull(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** DfE 3-digit code, for local authorities only. */
    laCode: text("la_code"),
    /** Companies House number for trusts, UKPRN for providers: whatever identifies it officially. */
    officialId: text("official_id"),
    partnershipId: text("partnership_id").references(() => partnerships.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("organisations_slug_key").on(t.slug), index("organisations_partnership_idx").on(t.partnershipId)],
);
