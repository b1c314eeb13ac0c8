-- Search sync: every change that can alter a live vacancy's search document adds the vacancy to
-- search_sync_pending in the same transaction, whichever code made it (forms, CSV import, the scheduler,
-- the schools importer). Statement-level triggers with transition tables keep bulk writes cheap.
INSERT INTO "search_index_state" ("id") VALUES (1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS "search_sync_version";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_sync_enqueue(ids text[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO search_sync_pending (vacancy_id, version, queued_at)
  SELECT d.id, nextval('search_sync_version'), now()
    FROM (SELECT DISTINCT id FROM unnest(ids) AS id WHERE id IS NOT NULL) d
  ON CONFLICT (vacancy_id) DO UPDATE SET version = EXCLUDED.version, queued_at = EXCLUDED.queued_at
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_sync_vacancies_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM search_sync_enqueue(ARRAY(SELECT id FROM new_rows WHERE status = 'published'));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM search_sync_enqueue(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE n.status = 'published' OR o.status = 'published'));
  ELSE
    PERFORM search_sync_enqueue(ARRAY(SELECT id FROM old_rows WHERE status = 'published'));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_sync_vacancies_insert AFTER INSERT ON vacancies
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_sync_vacancies_changed();
--> statement-breakpoint
CREATE TRIGGER search_sync_vacancies_update AFTER UPDATE ON vacancies
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_sync_vacancies_changed();
--> statement-breakpoint
CREATE TRIGGER search_sync_vacancies_delete AFTER DELETE ON vacancies
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_sync_vacancies_changed();
--> statement-breakpoint
-- A vacancy's schools: moving a live role to another school changes where it is found.
CREATE OR REPLACE FUNCTION search_sync_vacancy_schools_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM search_sync_enqueue(ARRAY(
      SELECT r.vacancy_id FROM new_rows r JOIN vacancies v ON v.id = r.vacancy_id WHERE v.status = 'published'));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM search_sync_enqueue(ARRAY(
      SELECT r.vacancy_id FROM new_rows r JOIN vacancies v ON v.id = r.vacancy_id WHERE v.status = 'published'));
  ELSE
    PERFORM search_sync_enqueue(ARRAY(
      SELECT r.vacancy_id FROM old_rows r JOIN vacancies v ON v.id = r.vacancy_id WHERE v.status = 'published'));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_sync_vacancy_schools_insert AFTER INSERT ON vacancy_schools
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_sync_vacancy_schools_changed();
--> statement-breakpoint
CREATE TRIGGER search_sync_vacancy_schools_update AFTER UPDATE ON vacancy_schools
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_sync_vacancy_schools_changed();
--> statement-breakpoint
CREATE TRIGGER search_sync_vacancy_schools_delete AFTER DELETE ON vacancy_schools
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_sync_vacancy_schools_changed();
--> statement-breakpoint
-- A school renamed, moved, joining a trust or changing type: every live vacancy there is re-indexed.
CREATE OR REPLACE FUNCTION search_sync_schools_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_sync_enqueue(ARRAY(
    SELECT vs.vacancy_id
      FROM new_rows n
      JOIN old_rows o ON o.id = n.id
      JOIN vacancy_schools vs ON vs.school_id = n.id
      JOIN vacancies v ON v.id = vs.vacancy_id AND v.status = 'published'
     WHERE (n.name, n.town, n.postcode, n.la_name, n.lat, n.lng, n.trust_id, n.type_group, n.religious_character)
           IS DISTINCT FROM (o.name, o.town, o.postcode, o.la_name, o.lat, o.lng, o.trust_id, o.type_group, o.religious_character)));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_sync_schools_update AFTER UPDATE ON schools
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_sync_schools_changed();
--> statement-breakpoint
-- A trust or employer renamed: its name is searchable and its slug is the trust filter's value.
CREATE OR REPLACE FUNCTION search_sync_organisations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_sync_enqueue(ARRAY(
    SELECT v.id
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      JOIN vacancies v ON v.owner_organisation_id = n.id AND v.status = 'published'
     WHERE (n.name, n.slug) IS DISTINCT FROM (o.name, o.slug)
    UNION
    SELECT vs.vacancy_id
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      JOIN schools s ON s.trust_id = n.id
      JOIN vacancy_schools vs ON vs.school_id = s.id
      JOIN vacancies v ON v.id = vs.vacancy_id AND v.status = 'published'
     WHERE (n.name, n.slug) IS DISTINCT FROM (o.name, o.slug)));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_sync_organisations_update AFTER UPDATE ON organisations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_sync_organisations_changed();
--> statement-breakpoint
-- Great-circle metres on a sphere of 6,371 km, the haversine Meilisearch's _geoRadius uses, so both engines
-- draw a radius's edge in the same place. Inlined by the planner (one IMMUTABLE expression).
CREATE OR REPLACE FUNCTION search_haversine_m(lat1 float8, lng1 float8, lat2 float8, lng2 float8) RETURNS float8
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 2 * 6371000 * asin(least(1, sqrt(
           power(sin(radians(lat2 - lat1) / 2), 2)
           + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lng2 - lng1) / 2), 2))))
$$;
