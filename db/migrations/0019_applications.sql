CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'shortlisted', 'interviewing', 'offered', 'accepted', 'declined', 'unsuccessful', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."qts_status" AS ENUM('awarded', 'expected', 'recognised_overseas', 'none');--> statement-breakpoint
CREATE TYPE "public"."reference_state" AS ENUM('requested', 'received', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."right_to_work" AS ENUM('yes', 'needs_visa');--> statement-breakpoint
CREATE TABLE "application_equality" (
	"application_id" text PRIMARY KEY NOT NULL,
	"answers" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"application_id" text NOT NULL,
	"actor_user_id" text,
	"from_status" "application_status",
	"to_status" "application_status" NOT NULL,
	"message" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_messages" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"application_id" text NOT NULL,
	"sender_user_id" text,
	"from_employer" boolean NOT NULL,
	"body" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_notes" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"application_id" text NOT NULL,
	"author_user_id" text,
	"body" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_references" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"application_id" text NOT NULL,
	"referee" jsonb NOT NULL,
	"state" "reference_state" DEFAULT 'requested' NOT NULL,
	"token_hash" text,
	"expires_at" timestamp with time zone NOT NULL,
	"requested_by" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"answers" jsonb
);
--> statement-breakpoint
CREATE TABLE "application_views" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"application_id" text NOT NULL,
	"user_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"vacancy_id" text NOT NULL,
	"user_id" text,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"profile" jsonb NOT NULL,
	"supporting_statement" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdraw_reason" text,
	"anonymised_at" timestamp with time zone,
	CONSTRAINT "applications_submitted" CHECK ("applications"."status" = 'draft' OR "applications"."submitted_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "equality_monitoring" (
	"user_id" text PRIMARY KEY NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_employment" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"user_id" text NOT NULL,
	"employer" text NOT NULL,
	"job_title" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"reason_for_leaving" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profile_employment_order" CHECK ("profile_employment"."ended_on" IS NULL OR "profile_employment"."ended_on" >= "profile_employment"."started_on")
);
--> statement-breakpoint
CREATE TABLE "profile_gap_explanations" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"user_id" text NOT NULL,
	"gap_from" date NOT NULL,
	"gap_to" date,
	"explanation" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_qualifications" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"user_id" text NOT NULL,
	"title" text NOT NULL,
	"institution" text NOT NULL,
	"grade" text DEFAULT '' NOT NULL,
	"year" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_referees" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"job_title" text NOT NULL,
	"organisation" text NOT NULL,
	"email" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"relationship" text NOT NULL,
	"current_employer" boolean DEFAULT false NOT NULL,
	"contact_before_interview" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_vacancies" (
	"user_id" text NOT NULL,
	"vacancy_id" text NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "saved_vacancies_user_id_vacancy_id_pk" PRIMARY KEY("user_id","vacancy_id")
);
--> statement-breakpoint
CREATE TABLE "teacher_profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"qts_status" "qts_status",
	"trn" text,
	"personal_statement" text DEFAULT '' NOT NULL,
	"right_to_work" "right_to_work",
	"interview_support" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teacher_profiles_trn" CHECK ("teacher_profiles"."trn" IS NULL OR "teacher_profiles"."trn" ~ '^[0-9]{7}$')
);
--> statement-breakpoint
CREATE TABLE "vacancy_view_days" (
	"vacancy_id" text NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "vacancy_view_days_vacancy_id_day_pk" PRIMARY KEY("vacancy_id","day")
);
--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "anonymise_until_shortlisted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "application_equality" ADD CONSTRAINT "application_equality_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_messages" ADD CONSTRAINT "application_messages_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_messages" ADD CONSTRAINT "application_messages_sender_user_id_users_id_fk" FOREIGN KEY ("sender_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_notes" ADD CONSTRAINT "application_notes_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_notes" ADD CONSTRAINT "application_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_references" ADD CONSTRAINT "application_references_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_references" ADD CONSTRAINT "application_references_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_views" ADD CONSTRAINT "application_views_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_views" ADD CONSTRAINT "application_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equality_monitoring" ADD CONSTRAINT "equality_monitoring_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_employment" ADD CONSTRAINT "profile_employment_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_gap_explanations" ADD CONSTRAINT "profile_gap_explanations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_qualifications" ADD CONSTRAINT "profile_qualifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_referees" ADD CONSTRAINT "profile_referees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_vacancies" ADD CONSTRAINT "saved_vacancies_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_vacancies" ADD CONSTRAINT "saved_vacancies_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_profiles" ADD CONSTRAINT "teacher_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_view_days" ADD CONSTRAINT "vacancy_view_days_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "application_messages_application_idx" ON "application_messages" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "application_notes_application_idx" ON "application_notes" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "application_references_application_idx" ON "application_references" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_references_token_key" ON "application_references" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "application_references_due_idx" ON "application_references" USING btree ("requested_at") WHERE "application_references"."state" = 'requested';--> statement-breakpoint
CREATE INDEX "application_views_application_idx" ON "application_views" USING btree ("application_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_per_vacancy" ON "applications" USING btree ("vacancy_id","user_id");--> statement-breakpoint
CREATE INDEX "applications_vacancy_status_idx" ON "applications" USING btree ("vacancy_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_user_idx" ON "applications" USING btree ("user_id","updated_at");--> statement-breakpoint
CREATE INDEX "profile_employment_user_idx" ON "profile_employment" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "profile_gap_explanations_user_idx" ON "profile_gap_explanations" USING btree ("user_id","gap_from");--> statement-breakpoint
CREATE INDEX "profile_qualifications_user_idx" ON "profile_qualifications" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "profile_referees_user_idx" ON "profile_referees" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "saved_vacancies_vacancy_idx" ON "saved_vacancies" USING btree ("vacancy_id");