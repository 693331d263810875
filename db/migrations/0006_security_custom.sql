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
