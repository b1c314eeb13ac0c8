CREATE TABLE "pay_offers" (
	"vacancy_id" text NOT NULL,
	"school_id" text NOT NULL,
	"title" text NOT NULL,
	"school_name" text NOT NULL,
	"role" text NOT NULL,
	"pay_range" text NOT NULL,
	"phase" text NOT NULL,
	"phases" text[] NOT NULL,
	"salary_max" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"lat_band" integer GENERATED ALWAYS AS (floor(lat * 20)::int) STORED NOT NULL,
	CONSTRAINT "pay_offers_pkey" PRIMARY KEY("vacancy_id","school_id","phase")
);
--> statement-breakpoint
CREATE INDEX "pay_offers_near_idx" ON "pay_offers" USING btree ("role","pay_range","phase","lat_band","lng");--> statement-breakpoint
CREATE INDEX "pay_offers_school_idx" ON "pay_offers" USING btree ("school_id");