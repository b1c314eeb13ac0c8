DROP INDEX "pay_offers_near_idx";--> statement-breakpoint
ALTER TABLE "pay_offers" ADD COLUMN "salary_min" integer;--> statement-breakpoint
ALTER TABLE "pay_offers" ADD COLUMN "entry_level" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "pay_offers_near_idx" ON "pay_offers" USING btree ("role","pay_range","entry_level","phase","lat_band","lng");--> statement-breakpoint
-- Like with like (docs/decisions/0012-pay-like-with-like.md): pay_offers also carries each offer's advertised
-- minimum and whether it is entry-level (suitable for early career teachers), kept by the same triggers.
CREATE OR REPLACE FUNCTION pay_offers_refresh(ids text[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM pay_offers WHERE vacancy_id = ANY(ids);
  INSERT INTO pay_offers (vacancy_id, school_id, title, school_name, role, pay_range, phase, phases, salary_max, salary_min, entry_level, published_at, lat, lng)
  SELECT v.id, s.id, v.title, s.name, v.role, v.pay_range::text, p.phase, v.phases, v.salary_max_fte, v.salary_min_fte, v.ect_suitable, v.published_at, s.lat, s.lng
    FROM vacancies v
    JOIN vacancy_schools vs ON vs.vacancy_id = v.id
    JOIN schools s ON s.id = vs.school_id
    CROSS JOIN LATERAL unnest(v.phases) AS p(phase)
   WHERE v.id = ANY(ids)
     AND v.status IN ('published', 'closed', 'archived')
     AND v.published_at IS NOT NULL AND v.salary_max_fte IS NOT NULL
     AND s.lat IS NOT NULL AND s.lng IS NOT NULL
  ON CONFLICT DO NOTHING;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pay_offers_vacancies_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pay_offers_refresh(ARRAY(SELECT id FROM new_rows WHERE status <> 'draft'));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM pay_offers_refresh(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.status, n.title, n.role, n.pay_range, n.phases, n.salary_max_fte, n.salary_min_fte, n.ect_suitable, n.published_at)
             IS DISTINCT FROM (o.status, o.title, o.role, o.pay_range, o.phases, o.salary_max_fte, o.salary_min_fte, o.ect_suitable, o.published_at)));
  ELSE
    DELETE FROM pay_offers WHERE vacancy_id IN (SELECT id FROM old_rows);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
SELECT pay_offers_refresh(ARRAY(SELECT id FROM vacancies WHERE status IN ('published', 'closed', 'archived')));
