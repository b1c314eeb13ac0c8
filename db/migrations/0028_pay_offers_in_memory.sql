CREATE TABLE "pay_offer_changes" (
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"vacancy_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pay_offer_changes_pruned" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"through" "xid8" NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pay_offer_changes_xid_idx" ON "pay_offer_changes" USING btree ("xid");--> statement-breakpoint
CREATE INDEX "pay_offer_changes_at_idx" ON "pay_offer_changes" USING btree ("at");
--> statement-breakpoint
-- pay_offer_changes logs, in the changing transaction, each vacancy whose pay_offers rows came or went (an update
-- logs the vacancy before and after), once per statement; a null vacancy when the table is emptied wholesale.
CREATE OR REPLACE FUNCTION pay_offer_changes_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    INSERT INTO pay_offer_changes (vacancy_id) VALUES (NULL);
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO pay_offer_changes (vacancy_id) SELECT DISTINCT vacancy_id FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO pay_offer_changes (vacancy_id)
    SELECT vacancy_id FROM new_rows UNION SELECT vacancy_id FROM old_rows;
  ELSE
    INSERT INTO pay_offer_changes (vacancy_id) SELECT DISTINCT vacancy_id FROM old_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER pay_offer_changes_insert AFTER INSERT ON pay_offers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pay_offer_changes_log();
--> statement-breakpoint
CREATE TRIGGER pay_offer_changes_update AFTER UPDATE ON pay_offers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pay_offer_changes_log();
--> statement-breakpoint
CREATE TRIGGER pay_offer_changes_delete AFTER DELETE ON pay_offers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pay_offer_changes_log();
--> statement-breakpoint
CREATE TRIGGER pay_offer_changes_truncate AFTER TRUNCATE ON pay_offers
  FOR EACH STATEMENT EXECUTE FUNCTION pay_offer_changes_log();
