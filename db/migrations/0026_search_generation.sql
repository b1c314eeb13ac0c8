CREATE TABLE "search_generation" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"stamp" text NOT NULL,
	CONSTRAINT "search_generation_one_row" CHECK ("search_generation"."id")
);
--> statement-breakpoint
INSERT INTO "search_generation" ("id", "stamp") VALUES (true, gen_random_uuid()::text);
