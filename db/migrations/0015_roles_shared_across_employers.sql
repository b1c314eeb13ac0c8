CREATE TYPE "public"."vacancy_share_state" AS ENUM('awaiting', 'confirmed', 'declined');--> statement-breakpoint
CREATE TABLE "vacancy_share_confirmations" (
	"vacancy_id" text NOT NULL,
	"school_id" text NOT NULL,
	"employer_name" text NOT NULL,
	"state" "vacancy_share_state" DEFAULT 'awaiting' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"requested_by" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"reason" text,
	CONSTRAINT "vacancy_share_confirmations_vacancy_id_school_id_pk" PRIMARY KEY("vacancy_id","school_id"),
	CONSTRAINT "vacancy_share_confirmations_decided" CHECK (("vacancy_share_confirmations"."state" = 'awaiting') = ("vacancy_share_confirmations"."decided_at" IS NULL)
          AND ("vacancy_share_confirmations"."state" <> 'declined' OR ("vacancy_share_confirmations"."reason" IS NOT NULL AND length(btrim("vacancy_share_confirmations"."reason")) > 0)))
);
--> statement-breakpoint
ALTER TABLE "vacancy_share_confirmations" ADD CONSTRAINT "vacancy_share_confirmations_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_share_confirmations" ADD CONSTRAINT "vacancy_share_confirmations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_share_confirmations" ADD CONSTRAINT "vacancy_share_confirmations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_share_confirmations" ADD CONSTRAINT "vacancy_share_confirmations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vacancy_share_confirmations_school_idx" ON "vacancy_share_confirmations" USING btree ("school_id","state");