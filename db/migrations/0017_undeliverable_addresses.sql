CREATE TYPE "public"."undeliverable_reason" AS ENUM('bounced', 'complained');--> statement-breakpoint
ALTER TYPE "public"."email_status" ADD VALUE 'suppressed';--> statement-breakpoint
CREATE TABLE "undeliverable_addresses" (
	"email" text PRIMARY KEY NOT NULL,
	"reason" "undeliverable_reason" NOT NULL,
	"detail" text,
	"provider_email_id" text,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL
);
