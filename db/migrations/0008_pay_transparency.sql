CREATE TYPE "public"."pay_assessment_reason" AS ENUM('publish', 'edit', 'nightly');--> statement-breakpoint
CREATE TYPE "public"."pay_flag_action" AS ENUM('justify', 'block');--> statement-breakpoint
CREATE TABLE "pay_assessments" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"vacancy_id" text NOT NULL,
	"reason" "pay_assessment_reason" NOT NULL,
	"pay_year" text NOT NULL,
	"badge" text NOT NULL,
	"badge_basis_points" integer,
	"benchmark" integer,
	"flagged" boolean NOT NULL,
	"findings" jsonb NOT NULL,
	"policy" jsonb NOT NULL,
	"justification" text,
	"decided_by" text,
	"assessed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pay_policies" (
	"partnership_id" text PRIMARY KEY NOT NULL,
	"radius_miles" integer NOT NULL,
	"lookback_months" integer NOT NULL,
	"min_comparables" integer NOT NULL,
	"min_schools" integer NOT NULL,
	"tolerance_basis_points" integer NOT NULL,
	"premium_basis_points" integer NOT NULL,
	"on_flag" "pay_flag_action" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "pay_policy_changes" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"partnership_id" text NOT NULL,
	"user_id" text,
	"changes" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pay_scale_figures" (
	"year" text NOT NULL,
	"area" text NOT NULL,
	"range" text NOT NULL,
	"point" text NOT NULL,
	"annual_pounds" integer NOT NULL,
	"source" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pay_scale_figures_year_area_range_point_pk" PRIMARY KEY("year","area","range","point")
);
--> statement-breakpoint
ALTER TABLE "vacancies" ADD COLUMN "pay_assessment_id" text;--> statement-breakpoint
ALTER TABLE "pay_assessments" ADD CONSTRAINT "pay_assessments_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pay_assessments" ADD CONSTRAINT "pay_assessments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pay_policies" ADD CONSTRAINT "pay_policies_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pay_policies" ADD CONSTRAINT "pay_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pay_policy_changes" ADD CONSTRAINT "pay_policy_changes_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pay_policy_changes" ADD CONSTRAINT "pay_policy_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pay_assessments_vacancy_idx" ON "pay_assessments" USING btree ("vacancy_id","assessed_at");--> statement-breakpoint
CREATE INDEX "pay_policy_changes_partnership_idx" ON "pay_policy_changes" USING btree ("partnership_id","created_at");