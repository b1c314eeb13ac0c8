-- pay_offers follows the vacancy tables: a published offer (live, closed or archived) with a maximum salary has a
-- row at each of its located schools, for each of its phases. Statement-level triggers refresh the affected vacancies' rows in the same
-- transaction as the change, so the neighbour query never reads a stale offer.
CREATE OR REPLACE FUNCTION pay_offers_refresh(ids text[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM pay_offers WHERE vacancy_id = ANY(ids);
  INSERT INTO pay_offers (vacancy_id, school_id, title, school_name, role, pay_range, phase, phases, salary_max, published_at, lat, lng)
  SELECT v.id, s.id, v.title, s.name, v.role, v.pay_range::text, p.phase, v.phases, v.salary_max_fte, v.published_at, s.lat, s.lng
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
       WHERE (n.status, n.title, n.role, n.pay_range, n.phases, n.salary_max_fte, n.published_at)
             IS DISTINCT FROM (o.status, o.title, o.role, o.pay_range, o.phases, o.salary_max_fte, o.published_at)));
  ELSE
    DELETE FROM pay_offers WHERE vacancy_id IN (SELECT id FROM old_rows);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER pay_offers_vacancies_insert AFTER INSERT ON vacancies
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pay_offers_vacancies_changed();
--> statement-breakpoint
CREATE TRIGGER pay_offers_vacancies_update AFTER UPDATE ON vacancies
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pay_offers_vacancies_changed();
--> statement-breakpoint
CREATE TRIGGER pay_offers_vacancies_delete AFTER DELETE ON vacancies
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pay_offers_vacancies_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pay_offers_vacancy_schools_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pay_offers_refresh(ARRAY(SELECT DISTINCT vacancy_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM pay_offers_refresh(ARRAY(SELECT vacancy_id FROM new_rows UNION SELECT vacancy_id FROM old_rows));
  ELSE
    PERFORM pay_offers_refresh(ARRAY(SELECT DISTINCT vacancy_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER pay_offers_vacancy_schools_insert AFTER INSERT ON vacancy_schools
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pay_offers_vacancy_schools_changed();
--> statement-breakpoint
CREATE TRIGGER pay_offers_vacancy_schools_update AFTER UPDATE ON vacancy_schools
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pay_offers_vacancy_schools_changed();
--> statement-breakpoint
CREATE TRIGGER pay_offers_vacancy_schools_delete AFTER DELETE ON vacancy_schools
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pay_offers_vacancy_schools_changed();
--> statement-breakpoint
-- A school moved or renamed: its offers' places and names follow.
CREATE OR REPLACE FUNCTION pay_offers_schools_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE pay_offers po SET school_name = n.name, lat = n.lat, lng = n.lng
    FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE po.school_id = n.id AND (n.name, n.lat, n.lng) IS DISTINCT FROM (o.name, o.lat, o.lng) AND n.lat IS NOT NULL AND n.lng IS NOT NULL;
  DELETE FROM pay_offers po USING new_rows n WHERE po.school_id = n.id AND (n.lat IS NULL OR n.lng IS NULL);
  -- A school that now has a place for the first time: its offers join the table.
  PERFORM pay_offers_refresh(ARRAY(
    SELECT vs.vacancy_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN vacancy_schools vs ON vs.school_id = n.id
     WHERE (o.lat IS NULL OR o.lng IS NULL) AND n.lat IS NOT NULL AND n.lng IS NOT NULL));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER pay_offers_schools_update AFTER UPDATE ON schools
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pay_offers_schools_changed();
--> statement-breakpoint
-- The offers published before this migration.
SELECT pay_offers_refresh(ARRAY(SELECT id FROM vacancies WHERE status IN ('published', 'closed', 'archived')));
--> statement-breakpoint
-- The neighbour query reads only these columns: with them in the index it never visits the table (an index-only
-- scan). Drizzle cannot declare INCLUDE, so the index it created is replaced here under the same name.
DROP INDEX IF EXISTS pay_offers_near_idx;
--> statement-breakpoint
CREATE INDEX pay_offers_near_idx ON pay_offers (role, pay_range, phase, lat_band, lng)
  INCLUDE (vacancy_id, school_id, salary_max, published_at, lat);
