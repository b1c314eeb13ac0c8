ALTER TABLE "schools" ADD COLUMN "district_code" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "district_name" text;