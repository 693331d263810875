ALTER TABLE "customers" ADD COLUMN "name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "packages" "package_id"[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE INDEX "customers_partner_name_idx" ON "customers" USING btree ("partner_org_id",lower("name"),"id");--> statement-breakpoint
CREATE INDEX "customers_name_trgm_idx" ON "customers" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_packages_idx" ON "customers" USING gin ("packages");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_sip_domain_unique" ON "customers" USING btree ("sip_domain") WHERE "customers"."sip_domain" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "customers_pending_admin_email_unique" ON "customers" USING btree (lower("admin_email")) WHERE "customers"."status" in ('provisioning', 'pending_rpl_review', 'error', 'pending_customer_approval');--> statement-breakpoint
CREATE INDEX "subscribers_active_users_idx" ON "subscribers" USING btree ("customer_id","package") WHERE "subscribers"."kind" = 'user' and "subscribers"."removed_at" is null;--> statement-breakpoint
-- customers.name mirrors orgs.name and customers.packages mirrors customer_packages, so
-- the customer list filters, searches and sorts on one table (SPEC §4.2 at 100k rows).
-- Triggers keep the copies exact whatever code writes orgs or customer_packages.
CREATE OR REPLACE FUNCTION customers_copy_org_name() RETURNS trigger AS $$
BEGIN
  SELECT name INTO NEW.name FROM orgs WHERE id = NEW.org_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER customers_name_from_org
  BEFORE INSERT OR UPDATE OF org_id, name ON customers
  FOR EACH ROW EXECUTE FUNCTION customers_copy_org_name();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION orgs_push_name_to_customers() RETURNS trigger AS $$
BEGIN
  UPDATE customers SET name = NEW.name WHERE org_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER orgs_name_to_customers
  AFTER UPDATE OF name ON orgs
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name AND NEW.kind = 'customer')
  EXECUTE FUNCTION orgs_push_name_to_customers();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_packages_push_to_customers() RETURNS trigger AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT customer_id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT customer_id) INTO ids FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT customer_id) INTO ids FROM (SELECT customer_id FROM new_rows UNION SELECT customer_id FROM old_rows) changed;
  END IF;
  UPDATE customers c
     SET packages = coalesce((SELECT array_agg(cp.package ORDER BY cp.package) FROM customer_packages cp WHERE cp.customer_id = c.id), '{}')
   WHERE c.id = ANY(ids);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER customer_packages_to_customers_ins
  AFTER INSERT ON customer_packages REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_packages_push_to_customers();
--> statement-breakpoint
CREATE TRIGGER customer_packages_to_customers_upd
  AFTER UPDATE ON customer_packages REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_packages_push_to_customers();
--> statement-breakpoint
CREATE TRIGGER customer_packages_to_customers_del
  AFTER DELETE ON customer_packages REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_packages_push_to_customers();
--> statement-breakpoint
UPDATE customers c SET org_id = c.org_id;
--> statement-breakpoint
UPDATE customers c
   SET packages = coalesce((SELECT array_agg(cp.package ORDER BY cp.package) FROM customer_packages cp WHERE cp.customer_id = c.id), '{}');
