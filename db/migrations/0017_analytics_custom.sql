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
-- partner_provisioning_seconds: provisioned customers per owner, creation month and whole
-- seconds to provisioned, from statement triggers on customers (net change per key, upserted in
-- key order so concurrent writers lock rows in one order). Analytics reads the per-month counts
-- and locates the median's bucket here, then reads only that bucket's exact times.
CREATE OR REPLACE FUNCTION apply_provisioning_seconds(d jsonb) RETURNS void AS $$
BEGIN
  INSERT INTO partner_provisioning_seconds (partner_org_id, created_month, seconds, n)
  SELECT (x->>'p')::uuid, (x->>'m')::date, (x->>'s')::int, (x->>'n')::int FROM jsonb_array_elements(d) x
  ORDER BY 1, 2, 3
  ON CONFLICT (partner_org_id, created_month, seconds) DO UPDATE SET n = partner_provisioning_seconds.n + excluded.n;
  DELETE FROM partner_provisioning_seconds WHERE n = 0;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION provisioning_seconds_on_insert() RETURNS trigger AS $$
DECLARE d jsonb;
BEGIN
  SELECT jsonb_agg(jsonb_build_object('p', partner_org_id, 'm', cm, 's', sec, 'n', n)) INTO d FROM (
    SELECT partner_org_id, cm, sec, count(*)::int AS n FROM (
    SELECT partner_org_id, date_trunc('month', created_at AT TIME ZONE 'UTC')::date AS cm,
      floor(extract(epoch from (provisioned_at - created_at)))::int AS sec FROM added WHERE provisioned_at IS NOT NULL) x GROUP BY 1, 2, 3) y;
  IF d IS NOT NULL THEN PERFORM apply_provisioning_seconds(d); END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER customers_provisioning_seconds_insert
  AFTER INSERT ON customers REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION provisioning_seconds_on_insert();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION provisioning_seconds_on_update() RETURNS trigger AS $$
DECLARE d jsonb;
BEGIN
  SELECT jsonb_agg(jsonb_build_object('p', partner_org_id, 'm', cm, 's', sec, 'n', n)) INTO d FROM (
    SELECT partner_org_id, cm, sec, sum(k)::int AS n FROM (
      SELECT partner_org_id, date_trunc('month', created_at AT TIME ZONE 'UTC')::date AS cm,
      floor(extract(epoch from (provisioned_at - created_at)))::int AS sec, -1 AS k FROM before_rows WHERE provisioned_at IS NOT NULL
      UNION ALL
      SELECT partner_org_id, date_trunc('month', created_at AT TIME ZONE 'UTC')::date AS cm,
      floor(extract(epoch from (provisioned_at - created_at)))::int AS sec, 1 AS k FROM after_rows WHERE provisioned_at IS NOT NULL
    ) x GROUP BY 1, 2, 3 HAVING sum(k) <> 0) y;
  IF d IS NOT NULL THEN PERFORM apply_provisioning_seconds(d); END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER customers_provisioning_seconds_update
  AFTER UPDATE ON customers REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
  FOR EACH STATEMENT EXECUTE FUNCTION provisioning_seconds_on_update();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION provisioning_seconds_on_delete() RETURNS trigger AS $$
DECLARE d jsonb;
BEGIN
  SELECT jsonb_agg(jsonb_build_object('p', partner_org_id, 'm', cm, 's', sec, 'n', n)) INTO d FROM (
    SELECT partner_org_id, cm, sec, -count(*)::int AS n FROM (
    SELECT partner_org_id, date_trunc('month', created_at AT TIME ZONE 'UTC')::date AS cm,
      floor(extract(epoch from (provisioned_at - created_at)))::int AS sec FROM removed WHERE provisioned_at IS NOT NULL) x GROUP BY 1, 2, 3) y;
  IF d IS NOT NULL THEN PERFORM apply_provisioning_seconds(d); END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER customers_provisioning_seconds_delete
  AFTER DELETE ON customers REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION provisioning_seconds_on_delete();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rebuild_provisioning_seconds() RETURNS void AS $$
BEGIN
  DELETE FROM partner_provisioning_seconds;
  INSERT INTO partner_provisioning_seconds (partner_org_id, created_month, seconds, n)
  SELECT partner_org_id, cm, sec, count(*)::int FROM (
    SELECT partner_org_id, date_trunc('month', created_at AT TIME ZONE 'UTC')::date AS cm,
      floor(extract(epoch from (provisioned_at - created_at)))::int AS sec FROM customers WHERE provisioned_at IS NOT NULL) x GROUP BY 1, 2, 3;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION provisioning_seconds_on_truncate() RETURNS trigger AS $$
BEGIN
  PERFORM rebuild_provisioning_seconds();
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER customers_provisioning_seconds_truncate
  AFTER TRUNCATE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION provisioning_seconds_on_truncate();
--> statement-breakpoint
-- Backfill from the existing events (one grouped pass, not one probe per customer).
UPDATE customers c SET provisioned_at = e.at
FROM (SELECT customer_id, min(at) AS at FROM provisioning_events WHERE step = 'completed' GROUP BY customer_id) e
WHERE c.id = e.customer_id AND c.provisioned_at IS DISTINCT FROM e.at;
--> statement-breakpoint
SELECT rebuild_provisioning_seconds();
