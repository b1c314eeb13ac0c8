CREATE TABLE "search_counts" (
	"term" text NOT NULL,
	"vacancy_signature" integer NOT NULL,
	"location_signature" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "search_counts_pkey" PRIMARY KEY("term","vacancy_signature","location_signature")
);
--> statement-breakpoint
CREATE TABLE "search_key_counts" (
	"key" text PRIMARY KEY NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_counts_location_idx" ON "search_counts" USING btree ("term","location_signature","vacancy_signature");--> statement-breakpoint
CREATE INDEX "search_vacancy_text_published_idx" ON "search_vacancy_text" USING btree ("published_at" DESC NULLS FIRST,"vacancy_id");--> statement-breakpoint
CREATE INDEX "search_vacancy_text_salary_idx" ON "search_vacancy_text" USING btree ("salary_max" DESC NULLS LAST,"vacancy_id");--> statement-breakpoint
CREATE INDEX "search_vacancy_text_closes_idx" ON "search_vacancy_text" USING btree ("closes_at","vacancy_id");--> statement-breakpoint
-- search_counts and search_key_counts start from what the index holds (search/postgres/engine.server.ts keeps them
-- from then on, in the same transaction as each index write).
INSERT INTO search_counts (term, vacancy_signature, location_signature, n)
SELECT t.term, coalesce(v.vacancy_signature, 0), coalesce(v.location_signature, 0), count(*)::int
  FROM search_vacancy_text v
  CROSS JOIN LATERAL (SELECT '' AS term UNION ALL SELECT l.lexeme FROM unnest(v.tsv) AS l WHERE l.lexeme LIKE 'zc%') t
 GROUP BY t.term, GROUPING SETS ((v.vacancy_signature, v.location_signature), (v.vacancy_signature), (v.location_signature), ());
--> statement-breakpoint
INSERT INTO search_key_counts (key, n)
SELECT k, count(*)::int
  FROM search_vacancies v
  JOIN search_signatures s ON s.id IN (v.vacancy_signature, v.location_signature), unnest(s.keys) AS k
 GROUP BY k;
--> statement-breakpoint
-- Searches plan their reads of these tables from their statistics: gathered now, not when autovacuum gets to it.
ANALYZE search_counts;
--> statement-breakpoint
ANALYZE search_key_counts;
