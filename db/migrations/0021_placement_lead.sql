ALTER TYPE "public"."role" ADD VALUE 'placement_lead';--> statement-breakpoint
CREATE TABLE "placement_offer_windows" (
	"offer_id" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "placement_offer_windows_offer_id_starts_on_pk" PRIMARY KEY("offer_id","starts_on"),
	CONSTRAINT "placement_offer_windows_order" CHECK ("placement_offer_windows"."ends_on" >= "placement_offer_windows"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "placement_offer_windows" ADD CONSTRAINT "placement_offer_windows_offer_id_placement_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."placement_offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- An offer's windows never overlap one another. drizzle-kit cannot express EXCLUDE, so it lives here.
ALTER TABLE "placement_offer_windows" ADD CONSTRAINT "placement_offer_windows_no_overlap" EXCLUDE USING gist ("offer_id" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&);
--> statement-breakpoint
-- Every existing offer had one window, its starts_on to ends_on: it becomes the offer's first row here.
INSERT INTO "placement_offer_windows" ("offer_id", "starts_on", "ends_on")
SELECT "id", "starts_on", "ends_on" FROM "placement_offers";
--> statement-breakpoint
-- A new offer gets its span as its one window, so every offer has at least one and an offer written straight in SQL
-- (the demo seed, the benchmark) is bookable; the app replaces that row in the same transaction when the school
-- chose several windows (app/placements/offers.server.ts).
CREATE OR REPLACE FUNCTION placement_offer_default_window() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO placement_offer_windows (offer_id, starts_on, ends_on) VALUES (NEW.id, NEW.starts_on, NEW.ends_on);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER placement_offers_default_window AFTER INSERT ON placement_offers
  FOR EACH ROW EXECUTE FUNCTION placement_offer_default_window();
