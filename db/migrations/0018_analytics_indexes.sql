-- Analytics (issue 15): provisioned customers by creation with their provisioning time,
-- index-only. customers is a SPEC §11 large table: built CONCURRENTLY, outside a transaction,
-- after the backfill in 0017; a failed concurrent build leaves an invalid index, hence the DROP.
DROP INDEX CONCURRENTLY IF EXISTS "customers_partner_provisioned_idx";--> statement-breakpoint
CREATE INDEX CONCURRENTLY "customers_partner_provisioned_idx" ON "customers" USING btree ("partner_org_id","created_at","provisioned_at") WHERE "customers"."provisioned_at" is not null;
