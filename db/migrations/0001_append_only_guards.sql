-- The billing ledger is append-only: an interval may only be closed (ended_at set
-- once, never moved); rows are never deleted. Money depends on this history.
CREATE OR REPLACE FUNCTION package_assignments_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'package_assignments is append-only: rows cannot be deleted' USING ERRCODE = 'P0001';
  END IF;
  IF OLD.ended_at IS NOT NULL
     OR NEW.id IS DISTINCT FROM OLD.id
     OR NEW.subscriber_id IS DISTINCT FROM OLD.subscriber_id
     OR NEW.customer_id IS DISTINCT FROM OLD.customer_id
     OR NEW.partner_org_id IS DISTINCT FROM OLD.partner_org_id
     OR NEW.location_id IS DISTINCT FROM OLD.location_id
     OR NEW.package IS DISTINCT FROM OLD.package
     OR NEW.started_at IS DISTINCT FROM OLD.started_at THEN
    RAISE EXCEPTION 'package_assignments is append-only: only an open interval can be closed' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER package_assignments_append_only
  BEFORE UPDATE OR DELETE ON package_assignments
  FOR EACH ROW EXECUTE FUNCTION package_assignments_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is insert-only' USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_insert_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
-- Sub-partners are one level deep: a sub-partner's parent must be a partner.
CREATE OR REPLACE FUNCTION orgs_parent_guard() RETURNS trigger AS $$
BEGIN
  IF NEW.parent_partner_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM orgs WHERE id = NEW.parent_partner_id AND kind = 'partner'
  ) THEN
    RAISE EXCEPTION 'a sub-partner''s parent must be a partner (one level only)' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER orgs_parent_one_level
  BEFORE INSERT OR UPDATE OF parent_partner_id ON orgs
  FOR EACH ROW EXECUTE FUNCTION orgs_parent_guard();
