CREATE TYPE "public"."early_career_assignment_status" AS ENUM('proposed', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."attendance_mark" AS ENUM('present', 'absent', 'excused');--> statement-breakpoint
CREATE TYPE "public"."programme_kind" AS ENUM('provider_led', 'school_led');--> statement-breakpoint
CREATE TYPE "public"."programme_term" AS ENUM('autumn', 'spring', 'summer');--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'programme_lead';--> statement-breakpoint
CREATE TABLE "cohort_enrolments" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"cohort_id" text NOT NULL,
	"ect_id" text NOT NULL,
	"enrolled_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "early_career_assignments" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"ect_id" text NOT NULL,
	"employing_school_id" text NOT NULL,
	"host_school_id" text NOT NULL,
	"purpose" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" "early_career_assignment_status" DEFAULT 'proposed' NOT NULL,
	"proposed_by" text,
	"employer_accepted_by" text,
	"employer_accepted_at" timestamp with time zone,
	"host_accepted_by" text,
	"host_accepted_at" timestamp with time zone,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "early_career_assignments_dates" CHECK ("early_career_assignments"."ends_on" >= "early_career_assignments"."starts_on"),
	CONSTRAINT "early_career_assignments_schools" CHECK ("early_career_assignments"."host_school_id" <> "early_career_assignments"."employing_school_id"),
	CONSTRAINT "early_career_assignments_reason" CHECK ("early_career_assignments"."status" NOT IN ('declined', 'withdrawn') OR length("early_career_assignments"."reason") > 0)
);
--> statement-breakpoint
CREATE TABLE "ect_mentor_periods" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"ect_id" text NOT NULL,
	"school_id" text NOT NULL,
	"mentor_user_id" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"assigned_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ect_mentor_periods_dates" CHECK ("ect_mentor_periods"."ends_on" IS NULL OR "ect_mentor_periods"."ends_on" > "ect_mentor_periods"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "ect_programmes" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"name" text NOT NULL,
	"kind" "programme_kind" NOT NULL,
	"lead_provider" text,
	"delivery_partner" text,
	"partnership_id" text,
	"organisation_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ect_programmes_one_runner" CHECK (("ect_programmes"."partnership_id" IS NULL) <> ("ect_programmes"."organisation_id" IS NULL)),
	CONSTRAINT "ect_programmes_provider" CHECK ("ect_programmes"."kind" <> 'provider_led' OR ("ect_programmes"."lead_provider" IS NOT NULL AND "ect_programmes"."delivery_partner" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "ect_school_periods" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"ect_id" text NOT NULL,
	"school_id" text NOT NULL,
	"induction_tutor_user_id" text,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ect_school_periods_dates" CHECK ("ect_school_periods"."ends_on" IS NULL OR "ect_school_periods"."ends_on" > "ect_school_periods"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "ects" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"user_id" text,
	"invitation_id" text,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"trn" text NOT NULL,
	"induction_starts_on" date NOT NULL,
	"fte_percent" integer DEFAULT 100 NOT NULL,
	"appropriate_body" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ects_trn" CHECK ("ects"."trn" ~ '^[0-9]{7}$'),
	CONSTRAINT "ects_fte" CHECK ("ects"."fte_percent" BETWEEN 10 AND 100)
);
--> statement-breakpoint
CREATE TABLE "programme_cohorts" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"programme_id" text NOT NULL,
	"academic_year" integer NOT NULL,
	"start_term" "programme_term" NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_facilitators" (
	"programme_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_facilitators_programme_id_user_id_pk" PRIMARY KEY("programme_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "programme_sessions" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"cohort_id" text NOT NULL,
	"strand_id" text,
	"title" text NOT NULL,
	"induction_year" smallint NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"host_school_id" text,
	"online" boolean DEFAULT false NOT NULL,
	"room" text,
	"capacity" integer NOT NULL,
	"optional" boolean DEFAULT false NOT NULL,
	"facilitator_user_id" text,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_sessions_times" CHECK ("programme_sessions"."ends_at" > "programme_sessions"."starts_at"),
	CONSTRAINT "programme_sessions_year" CHECK ("programme_sessions"."induction_year" IN (1, 2)),
	CONSTRAINT "programme_sessions_capacity" CHECK ("programme_sessions"."capacity" BETWEEN 1 AND 500),
	CONSTRAINT "programme_sessions_venue" CHECK ("programme_sessions"."online" OR "programme_sessions"."host_school_id" IS NOT NULL),
	CONSTRAINT "programme_sessions_cancel_reason" CHECK ("programme_sessions"."cancelled_at" IS NULL OR length("programme_sessions"."cancel_reason") > 0)
);
--> statement-breakpoint
CREATE TABLE "programme_strands" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"programme_id" text NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_ect_settings" (
	"school_id" text PRIMARY KEY NOT NULL,
	"weekly_contact_hours" double precision NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_ect_settings_hours" CHECK ("school_ect_settings"."weekly_contact_hours" > 0 AND "school_ect_settings"."weekly_contact_hours" <= 40)
);
--> statement-breakpoint
CREATE TABLE "session_attendance" (
	"session_id" text NOT NULL,
	"ect_id" text NOT NULL,
	"mark" "attendance_mark" NOT NULL,
	"reason" text,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_attendance_session_id_ect_id_pk" PRIMARY KEY("session_id","ect_id"),
	CONSTRAINT "session_attendance_reason" CHECK ("session_attendance"."mark" <> 'excused' OR length("session_attendance"."reason") > 0)
);
--> statement-breakpoint
CREATE TABLE "session_bookings" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"session_id" text NOT NULL,
	"ect_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"live" boolean DEFAULT true NOT NULL,
	"booked_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_bookings_times" CHECK ("session_bookings"."ends_at" > "session_bookings"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" DROP CONSTRAINT "calendar_feeds_kind";--> statement-breakpoint
ALTER TABLE "cohort_enrolments" ADD CONSTRAINT "cohort_enrolments_cohort_id_programme_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."programme_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_enrolments" ADD CONSTRAINT "cohort_enrolments_ect_id_ects_id_fk" FOREIGN KEY ("ect_id") REFERENCES "public"."ects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_enrolments" ADD CONSTRAINT "cohort_enrolments_enrolled_by_users_id_fk" FOREIGN KEY ("enrolled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_career_assignments" ADD CONSTRAINT "early_career_assignments_ect_id_ects_id_fk" FOREIGN KEY ("ect_id") REFERENCES "public"."ects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_career_assignments" ADD CONSTRAINT "early_career_assignments_employing_school_id_schools_id_fk" FOREIGN KEY ("employing_school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_career_assignments" ADD CONSTRAINT "early_career_assignments_host_school_id_schools_id_fk" FOREIGN KEY ("host_school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_career_assignments" ADD CONSTRAINT "early_career_assignments_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_career_assignments" ADD CONSTRAINT "early_career_assignments_employer_accepted_by_users_id_fk" FOREIGN KEY ("employer_accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_career_assignments" ADD CONSTRAINT "early_career_assignments_host_accepted_by_users_id_fk" FOREIGN KEY ("host_accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ect_mentor_periods" ADD CONSTRAINT "ect_mentor_periods_ect_id_ects_id_fk" FOREIGN KEY ("ect_id") REFERENCES "public"."ects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ect_mentor_periods" ADD CONSTRAINT "ect_mentor_periods_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ect_mentor_periods" ADD CONSTRAINT "ect_mentor_periods_mentor_user_id_users_id_fk" FOREIGN KEY ("mentor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ect_mentor_periods" ADD CONSTRAINT "ect_mentor_periods_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ect_programmes" ADD CONSTRAINT "ect_programmes_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ect_programmes" ADD CONSTRAINT "ect_programmes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ect_programmes" ADD CONSTRAINT "ect_programmes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ect_school_periods" ADD CONSTRAINT "ect_school_periods_ect_id_ects_id_fk" FOREIGN KEY ("ect_id") REFERENCES "public"."ects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ect_school_periods" ADD CONSTRAINT "ect_school_periods_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ect_school_periods" ADD CONSTRAINT "ect_school_periods_induction_tutor_user_id_users_id_fk" FOREIGN KEY ("induction_tutor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ects" ADD CONSTRAINT "ects_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ects" ADD CONSTRAINT "ects_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ects" ADD CONSTRAINT "ects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_cohorts" ADD CONSTRAINT "programme_cohorts_programme_id_ect_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."ect_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_facilitators" ADD CONSTRAINT "programme_facilitators_programme_id_ect_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."ect_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_facilitators" ADD CONSTRAINT "programme_facilitators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD CONSTRAINT "programme_sessions_cohort_id_programme_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."programme_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD CONSTRAINT "programme_sessions_strand_id_programme_strands_id_fk" FOREIGN KEY ("strand_id") REFERENCES "public"."programme_strands"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD CONSTRAINT "programme_sessions_host_school_id_schools_id_fk" FOREIGN KEY ("host_school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD CONSTRAINT "programme_sessions_facilitator_user_id_users_id_fk" FOREIGN KEY ("facilitator_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_strands" ADD CONSTRAINT "programme_strands_programme_id_ect_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."ect_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_ect_settings" ADD CONSTRAINT "school_ect_settings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_ect_settings" ADD CONSTRAINT "school_ect_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_session_id_programme_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_ect_id_ects_id_fk" FOREIGN KEY ("ect_id") REFERENCES "public"."ects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_bookings" ADD CONSTRAINT "session_bookings_session_id_programme_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_bookings" ADD CONSTRAINT "session_bookings_ect_id_ects_id_fk" FOREIGN KEY ("ect_id") REFERENCES "public"."ects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_bookings" ADD CONSTRAINT "session_bookings_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_enrolments_key" ON "cohort_enrolments" USING btree ("cohort_id","ect_id");--> statement-breakpoint
CREATE INDEX "cohort_enrolments_ect_idx" ON "cohort_enrolments" USING btree ("ect_id");--> statement-breakpoint
CREATE INDEX "early_career_assignments_ect_idx" ON "early_career_assignments" USING btree ("ect_id");--> statement-breakpoint
CREATE INDEX "early_career_assignments_host_idx" ON "early_career_assignments" USING btree ("host_school_id");--> statement-breakpoint
CREATE INDEX "ect_mentor_periods_mentor_idx" ON "ect_mentor_periods" USING btree ("mentor_user_id");--> statement-breakpoint
CREATE INDEX "ect_mentor_periods_ect_idx" ON "ect_mentor_periods" USING btree ("ect_id");--> statement-breakpoint
CREATE INDEX "ect_programmes_partnership_idx" ON "ect_programmes" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "ect_programmes_organisation_idx" ON "ect_programmes" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "ect_school_periods_school_idx" ON "ect_school_periods" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "ect_school_periods_ect_idx" ON "ect_school_periods" USING btree ("ect_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ects_trn_key" ON "ects" USING btree ("trn");--> statement-breakpoint
CREATE INDEX "ects_user_idx" ON "ects" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "ects_email_idx" ON "ects" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "programme_cohorts_key" ON "programme_cohorts" USING btree ("programme_id","academic_year","start_term");--> statement-breakpoint
CREATE INDEX "programme_facilitators_user_idx" ON "programme_facilitators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "programme_sessions_cohort_idx" ON "programme_sessions" USING btree ("cohort_id","starts_at");--> statement-breakpoint
CREATE INDEX "programme_sessions_host_idx" ON "programme_sessions" USING btree ("host_school_id");--> statement-breakpoint
CREATE INDEX "programme_sessions_starts_idx" ON "programme_sessions" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_strands_name_key" ON "programme_strands" USING btree ("programme_id",lower("name"));--> statement-breakpoint
CREATE INDEX "session_attendance_ect_idx" ON "session_attendance" USING btree ("ect_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_bookings_key" ON "session_bookings" USING btree ("session_id","ect_id");--> statement-breakpoint
CREATE INDEX "session_bookings_ect_idx" ON "session_bookings" USING btree ("ect_id","starts_at");--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_kind" CHECK ("calendar_feeds"."kind" IN ('trainee', 'school', 'mentor', 'provider', 'ect', 'facilitator'));--> statement-breakpoint
-- drizzle-kit cannot express EXCLUDE, so the period rules of ECT programmes live here (ADR 0025).
-- An ECT is at one school at a time: periods are half-open [starts_on, ends_on), open-ended while ends_on is null.
ALTER TABLE "ect_school_periods" ADD CONSTRAINT "ect_school_periods_no_overlap" EXCLUDE USING gist ("ect_id" WITH =, daterange("starts_on", "ends_on", '[)') WITH &&);
--> statement-breakpoint
-- One mentor at a time per ECT.
ALTER TABLE "ect_mentor_periods" ADD CONSTRAINT "ect_mentor_periods_no_overlap" EXCLUDE USING gist ("ect_id" WITH =, daterange("starts_on", "ends_on", '[)') WITH &&);
--> statement-breakpoint
-- An ECT is never booked into two live sessions that overlap in time (a session ending at 12:00 and one starting
-- at 12:00 do not clash).
ALTER TABLE "session_bookings" ADD CONSTRAINT "session_bookings_no_clash" EXCLUDE USING gist ("ect_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("live");
--> statement-breakpoint
-- An ECT's proposed and accepted assignments never overlap (inclusive dates).
ALTER TABLE "early_career_assignments" ADD CONSTRAINT "early_career_assignments_no_overlap" EXCLUDE USING gist ("ect_id" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&) WHERE ("status" IN ('proposed', 'accepted'));
