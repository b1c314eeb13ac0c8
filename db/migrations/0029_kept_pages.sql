CREATE TABLE "page_generation" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"stamp" text NOT NULL,
	CONSTRAINT "page_generation_one_row" CHECK ("page_generation"."id")
);
--> statement-breakpoint
INSERT INTO "page_generation" ("id", "stamp") VALUES (true, gen_random_uuid()::text);
--> statement-breakpoint
-- A new stamp once per writing transaction, as it commits (the trigger is deferred), so the row is locked for the
-- commit's moment only and readers see the new stamp exactly when they can see the write. page_generation_first()
-- in the trigger's WHEN queues one event per transaction, not one per row written (a savepoint rolled back takes
-- its event and the setting back together). An upsert: emptying every table (the tests do) puts the row back.
CREATE OR REPLACE FUNCTION page_generation_first() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('staffroom.page_generation_queued', true) = 'yes' THEN
    RETURN false;
  END IF;
  PERFORM set_config('staffroom.page_generation_queued', 'yes', true);
  RETURN true;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION page_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO page_generation (id, stamp) VALUES (true, gen_random_uuid()::text)
    ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Every table but those no page kept for visitors reads (ADR 0041): what a visit or a person's own account writes.
-- tests/integration/kept-pages.test.ts fails when a table is neither watched nor listed there.
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN (
    'page_generation', 'sessions', 'user_tokens', 'recovery_codes', 'second_factors', 'rate_limits',
    'vacancy_view_days', 'application_views', 'pool_views', 'emails', 'undeliverable_addresses',
    'search_sync_pending', 'saved_vacancies', 'job_alerts', 'job_alert_deliveries', 'calendar_feeds',
    'applications', 'application_events', 'application_messages', 'application_notes', 'application_references',
    'application_equality', 'equality_monitoring', 'pay_offer_changes', 'pay_offer_changes_pruned'
  ) AND tablename NOT LIKE '\_\_%'
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER page_generation AFTER INSERT OR UPDATE OR DELETE ON %I
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (page_generation_first()) EXECUTE FUNCTION page_generation_bump()', t);
    EXECUTE format('CREATE TRIGGER page_generation_truncate AFTER TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION page_generation_bump()', t);
  END LOOP;
END $$;
