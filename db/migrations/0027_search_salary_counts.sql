CREATE TABLE "search_salary_counts" (
	"vacancy_signature" integer NOT NULL,
	"location_signature" integer NOT NULL,
	"salary_max" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "search_salary_counts_pkey" PRIMARY KEY("vacancy_signature","location_signature","salary_max")
);
--> statement-breakpoint
CREATE INDEX "search_salary_counts_location_idx" ON "search_salary_counts" USING btree ("location_signature","vacancy_signature","salary_max");--> statement-breakpoint
-- An index built before this table: its counts, as the engine keeps them (search/postgres/engine.server.ts).
INSERT INTO "search_salary_counts" ("vacancy_signature", "location_signature", "salary_max", "n")
SELECT coalesce(v.vacancy_signature, 0), coalesce(v.location_signature, 0), v.salary_max, count(*)::int
  FROM "search_vacancies" v
 WHERE v.salary_max IS NOT NULL
 GROUP BY v.salary_max, GROUPING SETS ((v.vacancy_signature, v.location_signature), (v.vacancy_signature), (v.location_signature), ());
