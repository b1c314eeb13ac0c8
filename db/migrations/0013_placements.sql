CREATE TYPE "public"."placement_agreement_status" AS ENUM('requested', 'accepted', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."placement_booking_state" AS ENUM('requested', 'provider_confirmed', 'confirmed', 'completed', 'declined', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."placement_hosting_interest" AS ENUM('actively_looking', 'interested', 'not_this_year');--> statement-breakpoint
CREATE TYPE "public"."placement_offer_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TABLE "placement_agreements" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"provider_id" text NOT NULL,
	"school_id" text NOT NULL,
	"academic_year" integer NOT NULL,
	"status" "placement_agreement_status" NOT NULL,
	"requested_by" text,
	"requested_by_side" text NOT NULL,
	"withdrawn_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "placement_agreements_side" CHECK ("placement_agreements"."requested_by_side" IN ('provider', 'school')),
	CONSTRAINT "placement_agreements_withdrawn_reason" CHECK ("placement_agreements"."status" <> 'withdrawn' OR "placement_agreements"."withdrawn_reason" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "placement_bookings" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"trainee_id" text NOT NULL,
	"offer_id" text NOT NULL,
	"school_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"label" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"state" "placement_booking_state" DEFAULT 'requested' NOT NULL,
	"mentor_user_id" text,
	"reason" text,
	"requested_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_bookings_dates" CHECK ("placement_bookings"."ends_on" >= "placement_bookings"."starts_on"),
	CONSTRAINT "placement_bookings_label" CHECK ("placement_bookings"."label" IN ('A', 'B', 'C', 'training_block')),
	CONSTRAINT "placement_bookings_reason" CHECK ("placement_bookings"."state" NOT IN ('declined', 'cancelled') OR coalesce(length("placement_bookings"."reason"), 0) > 0),
	CONSTRAINT "placement_bookings_mentor" CHECK ("placement_bookings"."state" NOT IN ('confirmed', 'completed') OR "placement_bookings"."mentor_user_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "placement_hosting" (
	"school_id" text NOT NULL,
	"academic_year" integer NOT NULL,
	"interest" "placement_hosting_interest" NOT NULL,
	"reasons" text,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_hosting_school_id_academic_year_pk" PRIMARY KEY("school_id","academic_year")
);
--> statement-breakpoint
CREATE TABLE "placement_offer_mentors" (
	"offer_id" text NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "placement_offer_mentors_offer_id_user_id_pk" PRIMARY KEY("offer_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "placement_offers" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"school_id" text NOT NULL,
	"academic_year" integer NOT NULL,
	"phase" text NOT NULL,
	"subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"key_stage" text,
	"send" boolean DEFAULT false NOT NULL,
	"year_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"places" integer NOT NULL,
	"notes" text,
	"status" "placement_offer_status" DEFAULT 'open' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_offers_window" CHECK ("placement_offers"."ends_on" >= "placement_offers"."starts_on"),
	CONSTRAINT "placement_offers_places" CHECK ("placement_offers"."places" BETWEEN 1 AND 50)
);
--> statement-breakpoint
CREATE TABLE "placement_settings" (
	"partnership_id" text PRIMARY KEY NOT NULL,
	"mentor_cap" integer DEFAULT 2 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_closure_days" (
	"school_id" text NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "school_closure_days_school_id_day_pk" PRIMARY KEY("school_id","day"),
	CONSTRAINT "school_closure_days_kind" CHECK ("school_closure_days"."kind" IN ('closure', 'inset'))
);
--> statement-breakpoint
CREATE TABLE "trainees" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text,
	"invitation_id" text,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"route" text NOT NULL,
	"subject" text NOT NULL,
	"phase" text NOT NULL,
	"programme_starts_on" date NOT NULL,
	"programme_ends_on" date NOT NULL,
	"target_days" integer DEFAULT 120 NOT NULL,
	"home_area" text,
	"home_lat" double precision,
	"home_lng" double precision,
	"max_travel_miles" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trainees_programme" CHECK ("trainees"."programme_ends_on" > "trainees"."programme_starts_on")
);
--> statement-breakpoint
ALTER TABLE "placement_agreements" ADD CONSTRAINT "placement_agreements_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_agreements" ADD CONSTRAINT "placement_agreements_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_agreements" ADD CONSTRAINT "placement_agreements_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_bookings" ADD CONSTRAINT "placement_bookings_trainee_id_trainees_id_fk" FOREIGN KEY ("trainee_id") REFERENCES "public"."trainees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_bookings" ADD CONSTRAINT "placement_bookings_offer_id_placement_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."placement_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_bookings" ADD CONSTRAINT "placement_bookings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_bookings" ADD CONSTRAINT "placement_bookings_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_bookings" ADD CONSTRAINT "placement_bookings_mentor_user_id_users_id_fk" FOREIGN KEY ("mentor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_bookings" ADD CONSTRAINT "placement_bookings_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_hosting" ADD CONSTRAINT "placement_hosting_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_hosting" ADD CONSTRAINT "placement_hosting_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_offer_mentors" ADD CONSTRAINT "placement_offer_mentors_offer_id_placement_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."placement_offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_offer_mentors" ADD CONSTRAINT "placement_offer_mentors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_offers" ADD CONSTRAINT "placement_offers_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_offers" ADD CONSTRAINT "placement_offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_settings" ADD CONSTRAINT "placement_settings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_closure_days" ADD CONSTRAINT "school_closure_days_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainees" ADD CONSTRAINT "trainees_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainees" ADD CONSTRAINT "trainees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainees" ADD CONSTRAINT "trainees_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "placement_agreements_key" ON "placement_agreements" USING btree ("provider_id","school_id","academic_year");--> statement-breakpoint
CREATE INDEX "placement_agreements_school_idx" ON "placement_agreements" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "placement_bookings_offer_idx" ON "placement_bookings" USING btree ("offer_id") WHERE "placement_bookings"."state" NOT IN ('declined', 'cancelled');--> statement-breakpoint
CREATE INDEX "placement_bookings_trainee_idx" ON "placement_bookings" USING btree ("trainee_id");--> statement-breakpoint
CREATE INDEX "placement_bookings_school_idx" ON "placement_bookings" USING btree ("school_id","state");--> statement-breakpoint
CREATE INDEX "placement_bookings_provider_idx" ON "placement_bookings" USING btree ("provider_id","state");--> statement-breakpoint
CREATE INDEX "placement_bookings_mentor_idx" ON "placement_bookings" USING btree ("mentor_user_id") WHERE "placement_bookings"."mentor_user_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "placement_offers_school_idx" ON "placement_offers" USING btree ("school_id","academic_year");--> statement-breakpoint
CREATE INDEX "placement_offers_open_idx" ON "placement_offers" USING btree ("academic_year","phase") WHERE "placement_offers"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "trainees_provider_email_key" ON "trainees" USING btree ("provider_id",lower("email"));--> statement-breakpoint
CREATE INDEX "trainees_user_idx" ON "trainees" USING btree ("user_id");--> statement-breakpoint
-- One trainee is never in two schools at once: active bookings' inclusive date ranges may touch end to start but never
-- overlap. drizzle-kit cannot express EXCLUDE, so it lives here (see docs/decisions, placement model).
ALTER TABLE "placement_bookings" ADD CONSTRAINT "placement_bookings_no_overlap" EXCLUDE USING gist ("trainee_id" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&) WHERE ("state" IN ('requested', 'provider_confirmed', 'confirmed', 'completed'));
