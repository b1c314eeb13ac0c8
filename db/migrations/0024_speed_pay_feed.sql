CREATE TABLE "vacancy_status_counts" (
	"status" text PRIMARY KEY NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pay_checks" (
	"vacancy_id" text PRIMARY KEY NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"digest" text NOT NULL,
	"radius_miles" integer NOT NULL,
	"lookback_months" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pay_offer_events" (
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"role" text NOT NULL,
	"pay_range" text NOT NULL,
	"entry_level" boolean NOT NULL,
	"phase" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pay_checks" ADD CONSTRAINT "pay_checks_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pay_offer_events_at_idx" ON "pay_offer_events" USING btree ("at");--> statement-breakpoint
-- vacancy_status_counts follows vacancies: statement-level triggers add and take away, in the changing transaction,
-- the rows whose status came or went. Starts from what is there.
INSERT INTO vacancy_status_counts (status, n) SELECT status::text, count(*)::int FROM vacancies GROUP BY status;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vacancy_status_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM vacancy_status_counts;
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO vacancy_status_counts (status, n)
    SELECT status::text, count(*)::int FROM new_rows GROUP BY status
    ON CONFLICT (status) DO UPDATE SET n = vacancy_status_counts.n + excluded.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO vacancy_status_counts (status, n)
    SELECT status, sum(d)::int FROM (
      SELECT n.status::text AS status, 1 AS d FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.status IS DISTINCT FROM o.status
      UNION ALL
      SELECT o.status::text, -1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.status IS DISTINCT FROM o.status) c
     GROUP BY status HAVING sum(d) <> 0
    ON CONFLICT (status) DO UPDATE SET n = vacancy_status_counts.n + excluded.n;
  ELSE
    INSERT INTO vacancy_status_counts (status, n)
    SELECT status::text, -count(*)::int FROM old_rows GROUP BY status
    ON CONFLICT (status) DO UPDATE SET n = vacancy_status_counts.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER vacancy_status_counts_insert AFTER INSERT ON vacancies
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vacancy_status_counts_changed();
--> statement-breakpoint
CREATE TRIGGER vacancy_status_counts_update AFTER UPDATE ON vacancies
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vacancy_status_counts_changed();
--> statement-breakpoint
CREATE TRIGGER vacancy_status_counts_delete AFTER DELETE ON vacancies
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION vacancy_status_counts_changed();
--> statement-breakpoint
CREATE TRIGGER vacancy_status_counts_truncate AFTER TRUNCATE ON vacancies
  FOR EACH STATEMENT EXECUTE FUNCTION vacancy_status_counts_changed();
--> statement-breakpoint
-- pay_offer_events logs every pay_offers row that comes or goes (an update logs both), in the changing transaction.
CREATE OR REPLACE FUNCTION pay_offer_events_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Emptied wholesale, nothing can be traced: every check is forgotten and the next pass assesses every vacancy.
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM pay_checks;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO pay_offer_events (role, pay_range, entry_level, phase, lat, lng)
    SELECT role, pay_range, entry_level, phase, lat, lng FROM new_rows;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO pay_offer_events (role, pay_range, entry_level, phase, lat, lng)
    SELECT role, pay_range, entry_level, phase, lat, lng FROM old_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER pay_offer_events_insert AFTER INSERT ON pay_offers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pay_offer_events_log();
--> statement-breakpoint
CREATE TRIGGER pay_offer_events_update AFTER UPDATE ON pay_offers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pay_offer_events_log();
--> statement-breakpoint
CREATE TRIGGER pay_offer_events_delete AFTER DELETE ON pay_offers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pay_offer_events_log();
--> statement-breakpoint
CREATE TRIGGER pay_offer_events_truncate AFTER TRUNCATE ON pay_offers
  FOR EACH STATEMENT EXECUTE FUNCTION pay_offer_events_log();
