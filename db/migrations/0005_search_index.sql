CREATE TABLE "search_documents" (
	"vacancy_id" text PRIMARY KEY NOT NULL,
	"document" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_index_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"rebuilding_since" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"last_rebuilt_at" timestamp with time zone,
	"last_document_count" integer
);
--> statement-breakpoint
CREATE TABLE "search_signatures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "search_signatures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"keys" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_sync_pending" (
	"vacancy_id" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"term" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_vacancies" (
	"vacancy_id" text PRIMARY KEY NOT NULL,
	"vacancy_signature" integer NOT NULL,
	"location_signature" integer NOT NULL,
	"salary_max" integer,
	"published_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"title_tsv" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_vacancy_points" (
	"vacancy_id" text NOT NULL,
	"school_id" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	CONSTRAINT "search_vacancy_points_pkey" PRIMARY KEY("vacancy_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "search_vacancy_text" (
	"vacancy_id" text PRIMARY KEY NOT NULL,
	"vacancy_signature" integer NOT NULL,
	"location_signature" integer NOT NULL,
	"salary_max" integer,
	"published_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"title_tsv" "tsvector" NOT NULL,
	"tsv" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "search_signatures_kind_keys_key" ON "search_signatures" USING btree ("kind","keys");--> statement-breakpoint
CREATE INDEX "search_signatures_keys_idx" ON "search_signatures" USING gin ("keys");--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "search_terms" USING gin ("term" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_vacancies_vacancy_signature_idx" ON "search_vacancies" USING btree ("vacancy_signature");--> statement-breakpoint
CREATE INDEX "search_vacancies_location_signature_idx" ON "search_vacancies" USING btree ("location_signature");--> statement-breakpoint
CREATE INDEX "search_vacancies_closes_idx" ON "search_vacancies" USING btree ("closes_at");--> statement-breakpoint
CREATE INDEX "search_vacancies_published_idx" ON "search_vacancies" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "search_vacancies_salary_idx" ON "search_vacancies" USING btree ("salary_max");--> statement-breakpoint
CREATE INDEX "search_vacancy_points_earth_idx" ON "search_vacancy_points" USING gist (ll_to_earth("lat", "lng"));--> statement-breakpoint
CREATE INDEX "search_vacancy_text_tsv_idx" ON "search_vacancy_text" USING gin ("tsv");