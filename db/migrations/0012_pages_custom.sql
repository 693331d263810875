-- Open-seat counters per owner and package (db/schema/billing.ts partner_seat_counts):
-- statement triggers on the ledger append one delta per (owner, package) a statement
-- changed. Inserts only, so concurrent transactions never wait on one counter row;
-- readers fold the deltas into the counts (lib/overview/seat-counts.ts).
CREATE OR REPLACE FUNCTION partner_seats_on_open() RETURNS trigger AS $$
BEGIN
  INSERT INTO partner_seat_deltas (partner_org_id, package, delta)
  SELECT partner_org_id, package, count(*)::int FROM opened WHERE ended_at IS NULL GROUP BY 1, 2;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER package_assignments_seats_insert
  AFTER INSERT ON package_assignments REFERENCING NEW TABLE AS opened
  FOR EACH STATEMENT EXECUTE FUNCTION partner_seats_on_open();
--> statement-breakpoint
-- Closing an interval (the only update the ledger allows), written generally: open rows
-- before count -1, open rows after count +1.
CREATE OR REPLACE FUNCTION partner_seats_on_update() RETURNS trigger AS $$
BEGIN
  INSERT INTO partner_seat_deltas (partner_org_id, package, delta)
  SELECT partner_org_id, package, sum(d)::int FROM (
    SELECT partner_org_id, package, -1 AS d FROM before_rows WHERE ended_at IS NULL
    UNION ALL
    SELECT partner_org_id, package, 1 FROM after_rows WHERE ended_at IS NULL
  ) x GROUP BY 1, 2 HAVING sum(d) <> 0;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER package_assignments_seats_update
  AFTER UPDATE ON package_assignments REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
  FOR EACH STATEMENT EXECUTE FUNCTION partner_seats_on_update();
--> statement-breakpoint
-- Deletes are refused by package_assignments_append_only; kept exact should that change.
CREATE OR REPLACE FUNCTION partner_seats_on_delete() RETURNS trigger AS $$
BEGIN
  INSERT INTO partner_seat_deltas (partner_org_id, package, delta)
  SELECT partner_org_id, package, -count(*)::int FROM removed WHERE ended_at IS NULL GROUP BY 1, 2;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER package_assignments_seats_delete
  AFTER DELETE ON package_assignments REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION partner_seats_on_delete();
--> statement-breakpoint
-- The counters from scratch: after a TRUNCATE of the ledger (tests, the bench generator)
-- and once here for the rows that exist already.
CREATE OR REPLACE FUNCTION rebuild_partner_seat_counts() RETURNS void AS $$
BEGIN
  DELETE FROM partner_seat_deltas;
  DELETE FROM partner_seat_counts;
  INSERT INTO partner_seat_counts (partner_org_id, package, seats)
  SELECT partner_org_id, package, count(*)::int FROM package_assignments WHERE ended_at IS NULL GROUP BY 1, 2;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION partner_seats_on_truncate() RETURNS trigger AS $$
BEGIN
  PERFORM rebuild_partner_seat_counts();
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER package_assignments_seats_truncate
  AFTER TRUNCATE ON package_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION partner_seats_on_truncate();
--> statement-breakpoint
SELECT rebuild_partner_seat_counts();
