-- customers.provisioned_at = the earliest 'completed' provisioning event of the customer, kept
-- exact by statement triggers on provisioning_events (whatever writes them: the provisioning
-- job, the seed, the bench generator), so Analytics counts provisioned customers and takes the
-- median provisioning time from one index-only pass over the customers created in the period
-- instead of probing the events log once per customer (issue 15, SPEC §11).
CREATE OR REPLACE FUNCTION refresh_customers_provisioned_at(ids uuid[]) RETURNS void AS $$
BEGIN
  UPDATE customers c SET provisioned_at = e.at
  FROM (
    SELECT id, (SELECT min(pe.at) FROM provisioning_events pe WHERE pe.customer_id = x.id AND pe.step = 'completed') AS at
    FROM unnest(ids) AS x(id)
  ) e
  WHERE c.id = e.id AND c.provisioned_at IS DISTINCT FROM e.at;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customers_provisioned_on_insert() RETURNS trigger AS $$
DECLARE ids uuid[];
BEGIN
  SELECT array_agg(DISTINCT customer_id) INTO ids FROM added WHERE step = 'completed';
  IF ids IS NOT NULL THEN PERFORM refresh_customers_provisioned_at(ids); END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER provisioning_events_provisioned_insert
  AFTER INSERT ON provisioning_events REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION customers_provisioned_on_insert();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customers_provisioned_on_update() RETURNS trigger AS $$
DECLARE ids uuid[];
BEGIN
  SELECT array_agg(DISTINCT customer_id) INTO ids FROM (
    SELECT customer_id FROM before_rows WHERE step = 'completed'
    UNION SELECT customer_id FROM after_rows WHERE step = 'completed') x;
  IF ids IS NOT NULL THEN PERFORM refresh_customers_provisioned_at(ids); END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER provisioning_events_provisioned_update
  AFTER UPDATE ON provisioning_events REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customers_provisioned_on_update();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customers_provisioned_on_delete() RETURNS trigger AS $$
DECLARE ids uuid[];
BEGIN
  SELECT array_agg(DISTINCT customer_id) INTO ids FROM removed WHERE step = 'completed';
  IF ids IS NOT NULL THEN PERFORM refresh_customers_provisioned_at(ids); END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER provisioning_events_provisioned_delete
  AFTER DELETE ON provisioning_events REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION customers_provisioned_on_delete();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customers_provisioned_on_truncate() RETURNS trigger AS $$
BEGIN
  UPDATE customers SET provisioned_at = NULL WHERE provisioned_at IS NOT NULL;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER provisioning_events_provisioned_truncate
  AFTER TRUNCATE ON provisioning_events
  FOR EACH STATEMENT EXECUTE FUNCTION customers_provisioned_on_truncate();
--> statement-breakpoint
-- Backfill from the existing events (one grouped pass, not one probe per customer).
UPDATE customers c SET provisioned_at = e.at
FROM (SELECT customer_id, min(at) AS at FROM provisioning_events WHERE step = 'completed' GROUP BY customer_id) e
WHERE c.id = e.customer_id AND c.provisioned_at IS DISTINCT FROM e.at;
