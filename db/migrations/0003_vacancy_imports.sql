CREATE TYPE "public"."vacancy_import_status" AS ENUM('queued', 'validating', 'importing', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "vacancy_imports" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"user_id" text NOT NULL,
	"owner_organisation_id" text,
	"owner_school_id" text,
	"file_name" text NOT NULL,
	"csv" text NOT NULL,
	"status" "vacancy_import_status" DEFAULT 'queued' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"imported_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"publish" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "vacancy_imports" ADD CONSTRAINT "vacancy_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_imports" ADD CONSTRAINT "vacancy_imports_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_imports" ADD CONSTRAINT "vacancy_imports_owner_school_id_schools_id_fk" FOREIGN KEY ("owner_school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vacancy_imports_user_idx" ON "vacancy_imports" USING btree ("user_id","created_at");