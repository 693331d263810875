-- The ledger summed by month and open seats per customer (db/schema/billing.ts
-- partner_seat_months, customer_open_seats), kept exact by statement triggers on the
-- ledger: each statement contributes +1 started (month of started_at) and +1 ended
-- (month of ended_at, when set) per new row, the opposite per old row. Monthly totals go
-- through insert-only deltas (no shared row to wait on; readers fold them, see
-- lib/ledger/seat-months.ts); per-customer counts are updated in place, in customer order.
CREATE OR REPLACE FUNCTION ledger_summary_on_insert() RETURNS trigger AS $$
BEGIN
  WITH changes AS (
    SELECT partner_org_id, customer_id, package, started_at, ended_at, 1 AS sign FROM opened
  ), contributions AS (
    SELECT partner_org_id, package, date_trunc('month', started_at AT TIME ZONE 'UTC')::date AS month, sign AS started, 0 AS ended FROM changes
    UNION ALL
    SELECT partner_org_id, package, date_trunc('month', ended_at AT TIME ZONE 'UTC')::date, 0, sign FROM changes WHERE ended_at IS NOT NULL
  )
  INSERT INTO partner_seat_month_deltas (partner_org_id, package, month, started, ended)
  SELECT partner_org_id, package, month, sum(started)::int, sum(ended)::int FROM contributions
  GROUP BY 1, 2, 3 HAVING sum(started) <> 0 OR sum(ended) <> 0;
  WITH changes AS (
    SELECT partner_org_id, customer_id, package, started_at, ended_at, 1 AS sign FROM opened
  )
  INSERT INTO customer_open_seats (customer_id, partner_org_id, seats)
  SELECT customer_id, (array_agg(partner_org_id))[1], sum(sign)::int FROM changes WHERE ended_at IS NULL
  GROUP BY customer_id HAVING sum(sign) <> 0 ORDER BY customer_id
  ON CONFLICT (customer_id) DO UPDATE SET seats = customer_open_seats.seats + excluded.seats;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER package_assignments_summary_insert
  AFTER INSERT ON package_assignments REFERENCING NEW TABLE AS opened
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_summary_on_insert();
--> statement-breakpoint
-- Closing an interval is the only update the ledger allows; written generally all the same.
CREATE OR REPLACE FUNCTION ledger_summary_on_update() RETURNS trigger AS $$
BEGIN
  WITH changes AS (
    SELECT partner_org_id, customer_id, package, started_at, ended_at, -1 AS sign FROM before_rows
    UNION ALL
    SELECT partner_org_id, customer_id, package, started_at, ended_at, 1 FROM after_rows
  ), contributions AS (
    SELECT partner_org_id, package, date_trunc('month', started_at AT TIME ZONE 'UTC')::date AS month, sign AS started, 0 AS ended FROM changes
    UNION ALL
    SELECT partner_org_id, package, date_trunc('month', ended_at AT TIME ZONE 'UTC')::date, 0, sign FROM changes WHERE ended_at IS NOT NULL
  )
  INSERT INTO partner_seat_month_deltas (partner_org_id, package, month, started, ended)
  SELECT partner_org_id, package, month, sum(started)::int, sum(ended)::int FROM contributions
  GROUP BY 1, 2, 3 HAVING sum(started) <> 0 OR sum(ended) <> 0;
  WITH changes AS (
    SELECT partner_org_id, customer_id, package, started_at, ended_at, -1 AS sign FROM before_rows
    UNION ALL
    SELECT partner_org_id, customer_id, package, started_at, ended_at, 1 FROM after_rows
  )
  INSERT INTO customer_open_seats (customer_id, partner_org_id, seats)
  SELECT customer_id, (array_agg(partner_org_id))[1], sum(sign)::int FROM changes WHERE ended_at IS NULL
  GROUP BY customer_id HAVING sum(sign) <> 0 ORDER BY customer_id
  ON CONFLICT (customer_id) DO UPDATE SET seats = customer_open_seats.seats + excluded.seats;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER package_assignments_summary_update
  AFTER UPDATE ON package_assignments REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_summary_on_update();
--> statement-breakpoint
-- Deletes are refused by package_assignments_append_only; kept exact should that change.
CREATE OR REPLACE FUNCTION ledger_summary_on_delete() RETURNS trigger AS $$
BEGIN
  WITH changes AS (
    SELECT partner_org_id, customer_id, package, started_at, ended_at, -1 AS sign FROM removed
  ), contributions AS (
    SELECT partner_org_id, package, date_trunc('month', started_at AT TIME ZONE 'UTC')::date AS month, sign AS started, 0 AS ended FROM changes
    UNION ALL
    SELECT partner_org_id, package, date_trunc('month', ended_at AT TIME ZONE 'UTC')::date, 0, sign FROM changes WHERE ended_at IS NOT NULL
  )
  INSERT INTO partner_seat_month_deltas (partner_org_id, package, month, started, ended)
  SELECT partner_org_id, package, month, sum(started)::int, sum(ended)::int FROM contributions
  GROUP BY 1, 2, 3 HAVING sum(started) <> 0 OR sum(ended) <> 0;
  WITH changes AS (
    SELECT partner_org_id, customer_id, package, started_at, ended_at, -1 AS sign FROM removed
  )
  INSERT INTO customer_open_seats (customer_id, partner_org_id, seats)
  SELECT customer_id, (array_agg(partner_org_id))[1], sum(sign)::int FROM changes WHERE ended_at IS NULL
  GROUP BY customer_id HAVING sum(sign) <> 0 ORDER BY customer_id
  ON CONFLICT (customer_id) DO UPDATE SET seats = customer_open_seats.seats + excluded.seats;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER package_assignments_summary_delete
  AFTER DELETE ON package_assignments REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_summary_on_delete();
--> statement-breakpoint
-- The summaries from scratch: after a TRUNCATE of the ledger (tests, the bench generator,
-- which loads with triggers off and calls it) and once here for the rows that exist.
CREATE OR REPLACE FUNCTION rebuild_ledger_summaries() RETURNS void AS $$
BEGIN
  DELETE FROM partner_seat_month_deltas;
  DELETE FROM partner_seat_months;
  DELETE FROM customer_open_seats;
  INSERT INTO partner_seat_months (partner_org_id, package, month, started, ended)
  SELECT partner_org_id, package, month, sum(started)::int, sum(ended)::int FROM (
    SELECT partner_org_id, package, date_trunc('month', started_at AT TIME ZONE 'UTC')::date AS month, 1 AS started, 0 AS ended FROM package_assignments
    UNION ALL
    SELECT partner_org_id, package, date_trunc('month', ended_at AT TIME ZONE 'UTC')::date, 0, 1 FROM package_assignments WHERE ended_at IS NOT NULL
  ) c GROUP BY 1, 2, 3;
  INSERT INTO customer_open_seats (customer_id, partner_org_id, seats)
  SELECT customer_id, (array_agg(partner_org_id))[1], count(*)::int FROM package_assignments WHERE ended_at IS NULL GROUP BY customer_id;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_summary_on_truncate() RETURNS trigger AS $$
BEGIN
  PERFORM rebuild_ledger_summaries();
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER package_assignments_summary_truncate
  AFTER TRUNCATE ON package_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_summary_on_truncate();
--> statement-breakpoint
-- Customers per owner, status and months of creation, last change and deprovisioning
-- (db/schema/customers.ts partner_customer_months) for the Overview and the Analytics status
-- history: the same insert-only deltas, from statement triggers on customers.
CREATE OR REPLACE FUNCTION customer_months_on_insert() RETURNS trigger AS $$
BEGIN
  INSERT INTO partner_customer_month_deltas (partner_org_id, status, created_month, changed_month, deprovisioned_month, n)
  SELECT partner_org_id, status, cm, chm, dm, sum(d)::int FROM (
    SELECT partner_org_id, status, date_trunc('month', created_at AT TIME ZONE 'UTC')::date AS cm,
      date_trunc('month', status_changed_at AT TIME ZONE 'UTC')::date AS chm,
      coalesce(date_trunc('month', deprovisioned_at AT TIME ZONE 'UTC')::date, 'infinity'::date) AS dm, 1 AS d FROM added
  ) x GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER customers_months_insert
  AFTER INSERT ON customers REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION customer_months_on_insert();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_months_on_update() RETURNS trigger AS $$
BEGIN
  INSERT INTO partner_customer_month_deltas (partner_org_id, status, created_month, changed_month, deprovisioned_month, n)
  SELECT partner_org_id, status, cm, chm, dm, sum(d)::int FROM (
    SELECT partner_org_id, status, date_trunc('month', created_at AT TIME ZONE 'UTC')::date AS cm,
      date_trunc('month', status_changed_at AT TIME ZONE 'UTC')::date AS chm,
      coalesce(date_trunc('month', deprovisioned_at AT TIME ZONE 'UTC')::date, 'infinity'::date) AS dm, -1 AS d FROM before_rows
    UNION ALL
    SELECT partner_org_id, status, date_trunc('month', created_at AT TIME ZONE 'UTC')::date AS cm,
      date_trunc('month', status_changed_at AT TIME ZONE 'UTC')::date AS chm,
      coalesce(date_trunc('month', deprovisioned_at AT TIME ZONE 'UTC')::date, 'infinity'::date) AS dm, 1 AS d FROM after_rows
  ) x GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER customers_months_update
  AFTER UPDATE ON customers REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
  FOR EACH STATEMENT EXECUTE FUNCTION customer_months_on_update();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_months_on_delete() RETURNS trigger AS $$
BEGIN
  INSERT INTO partner_customer_month_deltas (partner_org_id, status, created_month, changed_month, deprovisioned_month, n)
  SELECT partner_org_id, status, cm, chm, dm, sum(d)::int FROM (
    SELECT partner_org_id, status, date_trunc('month', created_at AT TIME ZONE 'UTC')::date AS cm,
      date_trunc('month', status_changed_at AT TIME ZONE 'UTC')::date AS chm,
      coalesce(date_trunc('month', deprovisioned_at AT TIME ZONE 'UTC')::date, 'infinity'::date) AS dm, -1 AS d FROM removed
  ) x GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER customers_months_delete
  AFTER DELETE ON customers REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION customer_months_on_delete();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rebuild_customer_months() RETURNS void AS $$
BEGIN
  DELETE FROM partner_customer_month_deltas;
  DELETE FROM partner_customer_months;
  INSERT INTO partner_customer_months (partner_org_id, status, created_month, changed_month, deprovisioned_month, n)
  SELECT partner_org_id, status, cm, chm, dm, count(*)::int FROM (
    SELECT partner_org_id, status, date_trunc('month', created_at AT TIME ZONE 'UTC')::date AS cm,
      date_trunc('month', status_changed_at AT TIME ZONE 'UTC')::date AS chm,
      coalesce(date_trunc('month', deprovisioned_at AT TIME ZONE 'UTC')::date, 'infinity'::date) AS dm, 1 AS d FROM customers
  ) x GROUP BY 1, 2, 3, 4, 5;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_months_on_truncate() RETURNS trigger AS $$
BEGIN
  PERFORM rebuild_customer_months();
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER customers_months_truncate
  AFTER TRUNCATE ON customers
  FOR EACH STATEMENT EXECUTE FUNCTION customer_months_on_truncate();
--> statement-breakpoint
SELECT rebuild_customer_months();
--> statement-breakpoint
SELECT rebuild_ledger_summaries();
