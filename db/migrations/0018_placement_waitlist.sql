CREATE TYPE "public"."placement_waitlist_status" AS ENUM('waiting', 'held', 'booked', 'declined', 'lapsed');--> statement-breakpoint
CREATE TABLE "placement_waitlist" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"offer_id" text NOT NULL,
	"trainee_id" text NOT NULL,
	"label" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" "placement_waitlist_status" DEFAULT 'waiting' NOT NULL,
	"held_until" timestamp with time zone,
	"booking_id" text,
	"requested_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "placement_waitlist_dates" CHECK ("placement_waitlist"."ends_on" >= "placement_waitlist"."starts_on"),
	CONSTRAINT "placement_waitlist_label" CHECK ("placement_waitlist"."label" IN ('A', 'B', 'C', 'training_block')),
	CONSTRAINT "placement_waitlist_held" CHECK ("placement_waitlist"."status" <> 'held' OR "placement_waitlist"."held_until" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "placement_bookings" ADD COLUMN "travel_override_reason" text;--> statement-breakpoint
ALTER TABLE "placement_settings" ADD COLUMN "hold_school_days" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "trainees" ADD COLUMN "rotation_completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "placement_waitlist" ADD CONSTRAINT "placement_waitlist_offer_id_placement_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."placement_offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_waitlist" ADD CONSTRAINT "placement_waitlist_trainee_id_trainees_id_fk" FOREIGN KEY ("trainee_id") REFERENCES "public"."trainees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_waitlist" ADD CONSTRAINT "placement_waitlist_booking_id_placement_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."placement_bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_waitlist" ADD CONSTRAINT "placement_waitlist_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "placement_waitlist_live_key" ON "placement_waitlist" USING btree ("offer_id","trainee_id") WHERE "placement_waitlist"."status" IN ('waiting', 'held');--> statement-breakpoint
CREATE INDEX "placement_waitlist_queue_idx" ON "placement_waitlist" USING btree ("offer_id","created_at") WHERE "placement_waitlist"."status" IN ('waiting', 'held');--> statement-breakpoint
CREATE INDEX "placement_waitlist_trainee_idx" ON "placement_waitlist" USING btree ("trainee_id");--> statement-breakpoint
CREATE INDEX "placement_waitlist_held_idx" ON "placement_waitlist" USING btree ("held_until") WHERE "placement_waitlist"."status" = 'held';