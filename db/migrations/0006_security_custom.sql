-- Issue 10 (security). Hand-written SQL only; the tables are in 0005 (generated).

-- Outbox visibility (SPEC §10): "mail they caused". A customer's e-mails (welcome,
-- consent…) written by jobs carry no actor; the admin who created the customer caused
-- them. Filled here so every writer — the provisioning job included — gets it right.
CREATE OR REPLACE FUNCTION email_outbox_default_caused_by() RETURNS trigger AS $$
BEGIN
  IF NEW.caused_by IS NULL AND NEW.org_id IS NOT NULL THEN
    SELECT c.created_by INTO NEW.caused_by FROM customers c WHERE c.org_id = NEW.org_id;
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER email_outbox_default_caused_by BEFORE INSERT ON email_outbox
  FOR EACH ROW EXECUTE FUNCTION email_outbox_default_caused_by();
--> statement-breakpoint
-- One e-mail-claim rule on every path that writes an e-mail (issue 10 #8): an address is
-- taken by an existing person OR by the administrator of a customer still being
-- provisioned (customers_pending_admin_email_unique covers customers among themselves).
-- Enforced here so no service can forget it; both sides lock the address first, so a
-- user write and a customer creation racing for one address can't both win. Violations
-- report the existing unique constraints' names, which the services already map.
CREATE OR REPLACE FUNCTION lock_email_claim(email text) RETURNS void AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('email-claim:' || lower(email), 0));
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION users_email_claim() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND lower(NEW.email) = lower(OLD.email) THEN
    RETURN NEW;
  END IF;
  PERFORM lock_email_claim(NEW.email);
  -- The customer's own org may create its pending administrator (the provisioning job does).
  IF EXISTS (
    SELECT 1 FROM customers c
    WHERE lower(c.admin_email) = lower(NEW.email) AND c.org_id <> NEW.org_id
      AND c.status IN ('provisioning', 'pending_rpl_review', 'error', 'pending_customer_approval')
  ) THEN
    RAISE EXCEPTION 'e-mail % is claimed by a customer still being provisioned', NEW.email
      USING ERRCODE = '23505', CONSTRAINT = 'users_email_unique';
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER users_email_claim BEFORE INSERT OR UPDATE OF email ON users
  FOR EACH ROW EXECUTE FUNCTION users_email_claim();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customers_admin_email_claim() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND lower(NEW.admin_email) = lower(OLD.admin_email) THEN
    RETURN NEW;
  END IF;
  IF NEW.status NOT IN ('provisioning', 'pending_rpl_review', 'error', 'pending_customer_approval') THEN
    RETURN NEW;
  END IF;
  PERFORM lock_email_claim(NEW.admin_email);
  IF EXISTS (SELECT 1 FROM users u WHERE lower(u.email) = lower(NEW.admin_email) AND u.org_id <> NEW.org_id) THEN
    RAISE EXCEPTION 'e-mail % is already a user', NEW.admin_email
      USING ERRCODE = '23505', CONSTRAINT = 'customers_pending_admin_email_unique';
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Not on status changes: the provisioning job must always be able to record its outcome.
CREATE TRIGGER customers_admin_email_claim BEFORE INSERT OR UPDATE OF admin_email ON customers
  FOR EACH ROW EXECUTE FUNCTION customers_admin_email_claim();
