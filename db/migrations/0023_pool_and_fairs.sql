CREATE TYPE "public"."pool_invitation_kind" AS ENUM('visit', 'interview');--> statement-breakpoint
CREATE TYPE "public"."pool_match_state" AS ENUM('shortlisted', 'invited', 'offered', 'accepted', 'declined', 'closed');--> statement-breakpoint
CREATE TYPE "public"."pool_status" AS ENUM('draft', 'screening', 'pooled', 'not_this_time', 'appointed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."fair_follow_up_kind" AS ENUM('pool_invitation', 'application_invitation');--> statement-breakpoint
CREATE TYPE "public"."fair_mode" AS ENUM('in_person', 'online');--> statement-breakpoint
CREATE TABLE "pool_events" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"member_id" text NOT NULL,
	"actor_user_id" text,
	"from_status" "pool_status",
	"to_status" "pool_status" NOT NULL,
	"step" text,
	"message" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pool_hidden_from" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"member_id" text NOT NULL,
	"school_id" text,
	"organisation_id" text,
	CONSTRAINT "pool_hidden_from_one" CHECK (("pool_hidden_from"."school_id" IS NULL) <> ("pool_hidden_from"."organisation_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "pool_matches" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"member_id" text NOT NULL,
	"school_id" text NOT NULL,
	"state" "pool_match_state" DEFAULT 'shortlisted' NOT NULL,
	"invitation_kind" "pool_invitation_kind",
	"invitation_at" timestamp with time zone,
	"role_title" text DEFAULT '' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"vacancy_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pool_members" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"round_id" text NOT NULL,
	"user_id" text NOT NULL,
	"status" "pool_status" DEFAULT 'draft' NOT NULL,
	"step" text,
	"profile" jsonb NOT NULL,
	"supporting_statement" text DEFAULT '' NOT NULL,
	"subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"phases" text[] DEFAULT '{}'::text[] NOT NULL,
	"year_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"contracts" text[] DEFAULT '{}'::text[] NOT NULL,
	"working_patterns" text[] DEFAULT '{}'::text[] NOT NULL,
	"postcode" text,
	"lat" double precision,
	"lng" double precision,
	"travel_miles" smallint,
	"available_from" date,
	"shown_to_schools" boolean DEFAULT false NOT NULL,
	"consent_given_at" timestamp with time zone,
	"retain_until" date,
	"feedback" text,
	"submitted_at" timestamp with time zone,
	"pooled_at" timestamp with time zone,
	"appointed_at" timestamp with time zone,
	"appointed_school_id" text,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pool_members_step" CHECK (("pool_members"."status" = 'screening') = ("pool_members"."step" IS NOT NULL)),
	CONSTRAINT "pool_members_feedback" CHECK ("pool_members"."status" <> 'not_this_time' OR length("pool_members"."feedback") > 0),
	CONSTRAINT "pool_members_submitted" CHECK ("pool_members"."status" = 'draft' OR "pool_members"."submitted_at" IS NOT NULL),
	CONSTRAINT "pool_members_travel" CHECK ("pool_members"."travel_miles" IS NULL OR "pool_members"."travel_miles" BETWEEN 1 AND 100)
);
--> statement-breakpoint
CREATE TABLE "pool_outcomes" (
	"member_id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"phase" text,
	"subject" text,
	"submitted_on" date,
	"pooled_on" date,
	"appointed_on" date,
	"appointed_school_id" text,
	"employer_kind" text
);
--> statement-breakpoint
CREATE TABLE "pool_round_panel" (
	"round_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pool_round_panel_round_id_user_id_pk" PRIMARY KEY("round_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "pool_round_schools" (
	"round_id" text NOT NULL,
	"school_id" text NOT NULL,
	CONSTRAINT "pool_round_schools_round_id_school_id_pk" PRIMARY KEY("round_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "pool_rounds" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"partnership_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"phase" text NOT NULL,
	"roles" text[] NOT NULL,
	"subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date,
	"steps" text[] NOT NULL,
	"criteria" text[] NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pool_rounds_dates" CHECK ("pool_rounds"."closes_on" IS NULL OR "pool_rounds"."closes_on" >= "pool_rounds"."opens_on"),
	CONSTRAINT "pool_rounds_first_step" CHECK ("pool_rounds"."steps"[1] = 'application_review')
);
--> statement-breakpoint
CREATE TABLE "pool_scores" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"member_id" text NOT NULL,
	"step" text NOT NULL,
	"criterion" text NOT NULL,
	"score" smallint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"scorer_user_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pool_scores_range" CHECK ("pool_scores"."score" BETWEEN 1 AND 4)
);
--> statement-breakpoint
CREATE TABLE "pool_slot_bookings" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"slot_id" text NOT NULL,
	"member_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"live" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pool_slot_bookings_times" CHECK ("pool_slot_bookings"."ends_at" > "pool_slot_bookings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "pool_slots" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"round_id" text NOT NULL,
	"step" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"school_id" text,
	"place" text DEFAULT '' NOT NULL,
	"capacity" smallint DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pool_slots_times" CHECK ("pool_slots"."ends_at" > "pool_slots"."starts_at"),
	CONSTRAINT "pool_slots_capacity" CHECK ("pool_slots"."capacity" BETWEEN 1 AND 50)
);
--> statement-breakpoint
CREATE TABLE "pool_vacancy_shares" (
	"vacancy_id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"public_from" timestamp with time zone NOT NULL,
	"shared_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pool_views" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"member_id" text NOT NULL,
	"viewer_user_id" text,
	"school_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fair_bookings" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"slot_id" text NOT NULL,
	"registration_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"live" boolean DEFAULT true NOT NULL,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fair_bookings_times" CHECK ("fair_bookings"."ends_at" > "fair_bookings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "fair_follow_ups" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"fair_id" text NOT NULL,
	"school_id" text NOT NULL,
	"registration_id" text NOT NULL,
	"kind" "fair_follow_up_kind" NOT NULL,
	"vacancy_id" text,
	"message" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fair_registrations" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"fair_id" text NOT NULL,
	"user_id" text NOT NULL,
	"interests" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "fair_roles" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"fair_id" text NOT NULL,
	"school_id" text NOT NULL,
	"title" text NOT NULL,
	"phase" text,
	"subject" text,
	"contract" text,
	"notes" text DEFAULT '' NOT NULL,
	"vacancy_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fair_schools" (
	"fair_id" text NOT NULL,
	"school_id" text NOT NULL,
	"stand" text DEFAULT '' NOT NULL,
	CONSTRAINT "fair_schools_fair_id_school_id_pk" PRIMARY KEY("fair_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "fair_slots" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"fair_id" text NOT NULL,
	"school_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" smallint DEFAULT 1 NOT NULL,
	"with_whom" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fair_slots_times" CHECK ("fair_slots"."ends_at" > "fair_slots"."starts_at"),
	CONSTRAINT "fair_slots_capacity" CHECK ("fair_slots"."capacity" BETWEEN 1 AND 20)
);
--> statement-breakpoint
CREATE TABLE "fairs" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"partnership_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"mode" "fair_mode" NOT NULL,
	"host_school_id" text,
	"place" text DEFAULT '' NOT NULL,
	"online_url" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"pool_round_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fairs_times" CHECK ("fairs"."ends_at" > "fairs"."starts_at"),
	CONSTRAINT "fairs_where" CHECK ("fairs"."mode" = 'online' OR "fairs"."host_school_id" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "pool_events" ADD CONSTRAINT "pool_events_member_id_pool_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."pool_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_events" ADD CONSTRAINT "pool_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_hidden_from" ADD CONSTRAINT "pool_hidden_from_member_id_pool_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."pool_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_hidden_from" ADD CONSTRAINT "pool_hidden_from_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_hidden_from" ADD CONSTRAINT "pool_hidden_from_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_matches" ADD CONSTRAINT "pool_matches_member_id_pool_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."pool_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_matches" ADD CONSTRAINT "pool_matches_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_matches" ADD CONSTRAINT "pool_matches_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_matches" ADD CONSTRAINT "pool_matches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_members" ADD CONSTRAINT "pool_members_round_id_pool_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pool_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_members" ADD CONSTRAINT "pool_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_members" ADD CONSTRAINT "pool_members_appointed_school_id_schools_id_fk" FOREIGN KEY ("appointed_school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_outcomes" ADD CONSTRAINT "pool_outcomes_round_id_pool_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pool_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_outcomes" ADD CONSTRAINT "pool_outcomes_appointed_school_id_schools_id_fk" FOREIGN KEY ("appointed_school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_round_panel" ADD CONSTRAINT "pool_round_panel_round_id_pool_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pool_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_round_panel" ADD CONSTRAINT "pool_round_panel_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_round_schools" ADD CONSTRAINT "pool_round_schools_round_id_pool_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pool_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_round_schools" ADD CONSTRAINT "pool_round_schools_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_rounds" ADD CONSTRAINT "pool_rounds_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_rounds" ADD CONSTRAINT "pool_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_scores" ADD CONSTRAINT "pool_scores_member_id_pool_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."pool_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_scores" ADD CONSTRAINT "pool_scores_scorer_user_id_users_id_fk" FOREIGN KEY ("scorer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_slot_bookings" ADD CONSTRAINT "pool_slot_bookings_slot_id_pool_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."pool_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_slot_bookings" ADD CONSTRAINT "pool_slot_bookings_member_id_pool_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."pool_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_slots" ADD CONSTRAINT "pool_slots_round_id_pool_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pool_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_slots" ADD CONSTRAINT "pool_slots_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_slots" ADD CONSTRAINT "pool_slots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_vacancy_shares" ADD CONSTRAINT "pool_vacancy_shares_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_vacancy_shares" ADD CONSTRAINT "pool_vacancy_shares_round_id_pool_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pool_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_vacancy_shares" ADD CONSTRAINT "pool_vacancy_shares_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_views" ADD CONSTRAINT "pool_views_member_id_pool_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."pool_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_views" ADD CONSTRAINT "pool_views_viewer_user_id_users_id_fk" FOREIGN KEY ("viewer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_views" ADD CONSTRAINT "pool_views_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_bookings" ADD CONSTRAINT "fair_bookings_slot_id_fair_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."fair_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_bookings" ADD CONSTRAINT "fair_bookings_registration_id_fair_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."fair_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_follow_ups" ADD CONSTRAINT "fair_follow_ups_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_follow_ups" ADD CONSTRAINT "fair_follow_ups_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_follow_ups" ADD CONSTRAINT "fair_follow_ups_registration_id_fair_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."fair_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_follow_ups" ADD CONSTRAINT "fair_follow_ups_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_follow_ups" ADD CONSTRAINT "fair_follow_ups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_registrations" ADD CONSTRAINT "fair_registrations_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_registrations" ADD CONSTRAINT "fair_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_roles" ADD CONSTRAINT "fair_roles_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_roles" ADD CONSTRAINT "fair_roles_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_roles" ADD CONSTRAINT "fair_roles_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_schools" ADD CONSTRAINT "fair_schools_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_schools" ADD CONSTRAINT "fair_schools_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_slots" ADD CONSTRAINT "fair_slots_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_slots" ADD CONSTRAINT "fair_slots_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fairs" ADD CONSTRAINT "fairs_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fairs" ADD CONSTRAINT "fairs_host_school_id_schools_id_fk" FOREIGN KEY ("host_school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fairs" ADD CONSTRAINT "fairs_pool_round_id_pool_rounds_id_fk" FOREIGN KEY ("pool_round_id") REFERENCES "public"."pool_rounds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fairs" ADD CONSTRAINT "fairs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pool_events_member_idx" ON "pool_events" USING btree ("member_id","at");--> statement-breakpoint
CREATE INDEX "pool_hidden_from_member_idx" ON "pool_hidden_from" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_hidden_from_key" ON "pool_hidden_from" USING btree ("member_id","school_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_matches_key" ON "pool_matches" USING btree ("member_id","school_id");--> statement-breakpoint
CREATE INDEX "pool_matches_school_idx" ON "pool_matches" USING btree ("school_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_matches_one_accepted" ON "pool_matches" USING btree ("member_id") WHERE "pool_matches"."state" = 'accepted';--> statement-breakpoint
CREATE UNIQUE INDEX "pool_members_one_per_round" ON "pool_members" USING btree ("round_id","user_id");--> statement-breakpoint
CREATE INDEX "pool_members_round_status_idx" ON "pool_members" USING btree ("round_id","status","step");--> statement-breakpoint
CREATE INDEX "pool_members_user_idx" ON "pool_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "pool_members_earth_idx" ON "pool_members" USING gist (ll_to_earth("lat", "lng")) WHERE "pool_members"."status" = 'pooled' AND "pool_members"."shown_to_schools" AND "pool_members"."lat" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "pool_outcomes_round_idx" ON "pool_outcomes" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "pool_round_panel_user_idx" ON "pool_round_panel" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "pool_round_schools_school_idx" ON "pool_round_schools" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "pool_rounds_partnership_idx" ON "pool_rounds" USING btree ("partnership_id","opens_on");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_scores_key" ON "pool_scores" USING btree ("member_id","step","criterion","scorer_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_slot_bookings_live_key" ON "pool_slot_bookings" USING btree ("slot_id","member_id") WHERE "pool_slot_bookings"."live";--> statement-breakpoint
CREATE INDEX "pool_slot_bookings_member_idx" ON "pool_slot_bookings" USING btree ("member_id","starts_at");--> statement-breakpoint
CREATE INDEX "pool_slots_round_idx" ON "pool_slots" USING btree ("round_id","step","starts_at");--> statement-breakpoint
CREATE INDEX "pool_vacancy_shares_round_idx" ON "pool_vacancy_shares" USING btree ("round_id","public_from");--> statement-breakpoint
CREATE INDEX "pool_views_member_idx" ON "pool_views" USING btree ("member_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "fair_bookings_live_key" ON "fair_bookings" USING btree ("slot_id","registration_id") WHERE "fair_bookings"."live";--> statement-breakpoint
CREATE INDEX "fair_bookings_registration_idx" ON "fair_bookings" USING btree ("registration_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fair_follow_ups_key" ON "fair_follow_ups" USING btree ("fair_id","school_id","registration_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "fair_registrations_key" ON "fair_registrations" USING btree ("fair_id","user_id");--> statement-breakpoint
CREATE INDEX "fair_roles_fair_idx" ON "fair_roles" USING btree ("fair_id","school_id");--> statement-breakpoint
CREATE INDEX "fair_schools_school_idx" ON "fair_schools" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "fair_slots_fair_idx" ON "fair_slots" USING btree ("fair_id","school_id","starts_at");--> statement-breakpoint
CREATE INDEX "fairs_partnership_idx" ON "fairs" USING btree ("partnership_id","starts_at");--> statement-breakpoint
-- drizzle-kit cannot express EXCLUDE: one pool member's slot bookings, and one fair registration's meetings, never overlap (ADR 0026).
ALTER TABLE "pool_slot_bookings" ADD CONSTRAINT "pool_slot_bookings_no_clash" EXCLUDE USING gist ("member_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("live");
--> statement-breakpoint
ALTER TABLE "fair_bookings" ADD CONSTRAINT "fair_bookings_no_clash" EXCLUDE USING gist ("registration_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("live");
