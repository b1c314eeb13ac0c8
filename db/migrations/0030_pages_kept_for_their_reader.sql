-- Pages kept for their reader (ADR 0043): an HR user's dashboard is kept until a write changes it, so the pages'
-- generation (migration 0029) must also rise for the two things it shows that no page kept for visitors read.
-- A bounced address: the banner every signed-in page shows its owner. Written rarely.
CREATE TRIGGER page_writes AFTER INSERT OR UPDATE OR DELETE ON undeliverable_addresses
  FOR EACH ROW WHEN (page_writes_first()) EXECUTE FUNCTION page_writes_count();
--> statement-breakpoint
CREATE TRIGGER page_writes_truncate AFTER TRUNCATE ON undeliverable_addresses
  FOR EACH STATEMENT EXECUTE FUNCTION page_writes_count();
--> statement-breakpoint
-- Applications: only what changes a vacancy's count of applications sent (every state but draft), so that a draft
-- saved as a teacher types, or HR moving an application along, leaves every kept page standing. page_writes_first()
-- comes last in each condition: it marks the transaction as counted, so it must run only for a write that counts.
CREATE TRIGGER page_writes_insert AFTER INSERT ON applications
  FOR EACH ROW WHEN (NEW.status <> 'draft' AND page_writes_first()) EXECUTE FUNCTION page_writes_count();
--> statement-breakpoint
CREATE TRIGGER page_writes_update AFTER UPDATE ON applications
  FOR EACH ROW WHEN (((OLD.status = 'draft') IS DISTINCT FROM (NEW.status = 'draft')
                      OR (NEW.status <> 'draft' AND OLD.vacancy_id IS DISTINCT FROM NEW.vacancy_id))
                     AND page_writes_first()) EXECUTE FUNCTION page_writes_count();
--> statement-breakpoint
CREATE TRIGGER page_writes_delete AFTER DELETE ON applications
  FOR EACH ROW WHEN (OLD.status <> 'draft' AND page_writes_first()) EXECUTE FUNCTION page_writes_count();
--> statement-breakpoint
CREATE TRIGGER page_writes_truncate AFTER TRUNCATE ON applications
  FOR EACH STATEMENT EXECUTE FUNCTION page_writes_count();
