-- Analytics (issue 15): the exact provisioning times of one whole-second bucket (where the
-- median falls), index-only. customers is a SPEC §11 large table: built CONCURRENTLY, outside a
-- transaction, after the backfill in 0017; a failed concurrent build leaves an invalid index.
DROP INDEX CONCURRENTLY IF EXISTS "customers_partner_provisioning_seconds_idx";--> statement-breakpoint
CREATE INDEX CONCURRENTLY "customers_partner_provisioning_seconds_idx" ON "customers" USING btree ("partner_org_id",(floor(extract(epoch from ("provisioned_at" - "created_at")))::int),"created_at","provisioned_at") WHERE "customers"."provisioned_at" is not null;
