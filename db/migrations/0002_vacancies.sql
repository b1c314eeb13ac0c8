CREATE TYPE "public"."apply_method" AS ENUM('staffroom', 'external_link', 'email');--> statement-breakpoint
CREATE TYPE "public"."vacancy_close_reason" AS ENUM('expired', 'filled_staffroom', 'filled_elsewhere', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."contract_type" AS ENUM('permanent', 'fixed_term', 'maternity_cover', 'casual');--> statement-breakpoint
CREATE TYPE "public"."pay_range" AS ENUM('main', 'upper', 'unqualified', 'leading_practitioner', 'leadership', 'support', 'hourly');--> statement-breakpoint
CREATE TYPE "public"."start_kind" AS ENUM('date', 'range', 'asap', 'to_be_agreed');--> statement-breakpoint
CREATE TYPE "public"."vacancy_status" AS ENUM('draft', 'scheduled', 'published', 'closed', 'archived');--> statement-breakpoint
CREATE TYPE "public"."working_pattern" AS ENUM('full_time', 'part_time', 'job_share', 'flexible');--> statement-breakpoint
CREATE TABLE "vacancies" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"owner_organisation_id" text,
	"owner_school_id" text,
	"status" "vacancy_status" DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"role" text NOT NULL,
	"phases" text[] DEFAULT '{}'::text[] NOT NULL,
	"key_stages" text[] DEFAULT '{}'::text[] NOT NULL,
	"subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"send_specialism" boolean DEFAULT false NOT NULL,
	"contract_type" "contract_type" DEFAULT 'permanent' NOT NULL,
	"fixed_term_months" integer,
	"working_pattern" "working_pattern" DEFAULT 'full_time' NOT NULL,
	"fte" numeric(4, 3) DEFAULT '1.000' NOT NULL,
	"hours_per_week" numeric(5, 2),
	"start_kind" "start_kind" DEFAULT 'to_be_agreed' NOT NULL,
	"start_date" date,
	"start_date_to" date,
	"pay_range" "pay_range" DEFAULT 'main' NOT NULL,
	"pay_point_from" text,
	"pay_point_to" text,
	"support_grade" text,
	"salary_min_fte" integer,
	"salary_max_fte" integer,
	"hourly_rate_pence" integer,
	"allowances" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ect_suitable" boolean DEFAULT false NOT NULL,
	"visa_sponsorship" boolean DEFAULT false NOT NULL,
	"visits_welcome" boolean DEFAULT false NOT NULL,
	"about_role" text DEFAULT '' NOT NULL,
	"about_school" text DEFAULT '' NOT NULL,
	"skills_experience" text DEFAULT '' NOT NULL,
	"what_we_offer" text DEFAULT '' NOT NULL,
	"apply_method" "apply_method" DEFAULT 'external_link' NOT NULL,
	"apply_url" text,
	"apply_email" text,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"publish_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_reason" "vacancy_close_reason",
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vacancies_one_owner" CHECK (("vacancies"."owner_organisation_id" IS NULL) <> ("vacancies"."owner_school_id" IS NULL)),
	CONSTRAINT "vacancies_fte_range" CHECK ("vacancies"."fte" > 0 AND "vacancies"."fte" <= 1),
	CONSTRAINT "vacancies_salary_order" CHECK ("vacancies"."salary_min_fte" IS NULL OR "vacancies"."salary_max_fte" IS NULL OR "vacancies"."salary_min_fte" <= "vacancies"."salary_max_fte")
);
--> statement-breakpoint
CREATE TABLE "vacancy_events" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"vacancy_id" text NOT NULL,
	"user_id" text,
	"action" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacancy_schools" (
	"vacancy_id" text NOT NULL,
	"school_id" text NOT NULL,
	"fte_share" numeric(4, 3),
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "vacancy_schools_vacancy_id_school_id_pk" PRIMARY KEY("vacancy_id","school_id")
);
--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_owner_school_id_schools_id_fk" FOREIGN KEY ("owner_school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_events" ADD CONSTRAINT "vacancy_events_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_events" ADD CONSTRAINT "vacancy_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_schools" ADD CONSTRAINT "vacancy_schools_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_schools" ADD CONSTRAINT "vacancy_schools_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vacancies_status_closes_idx" ON "vacancies" USING btree ("status","closes_at");--> statement-breakpoint
CREATE INDEX "vacancies_status_publish_idx" ON "vacancies" USING btree ("status","publish_at");--> statement-breakpoint
CREATE INDEX "vacancies_owner_org_idx" ON "vacancies" USING btree ("owner_organisation_id","status");--> statement-breakpoint
CREATE INDEX "vacancies_owner_school_idx" ON "vacancies" USING btree ("owner_school_id","status");--> statement-breakpoint
CREATE INDEX "vacancy_events_vacancy_idx" ON "vacancy_events" USING btree ("vacancy_id","at");--> statement-breakpoint
CREATE INDEX "vacancy_schools_school_idx" ON "vacancy_schools" USING btree ("school_id");