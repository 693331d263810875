-- Indexes on the large tables audit_log and users (SPEC §11: ~1 M and 2 M rows), built
-- CONCURRENTLY so writes go on while they build; this migration runs outside a transaction.
-- Each CREATE is preceded by a DROP … IF EXISTS: a failed concurrent build leaves an invalid index.
DROP INDEX CONCURRENTLY IF EXISTS "audit_log_org_at_idx";--> statement-breakpoint
DROP INDEX CONCURRENTLY IF EXISTS "audit_log_org_action_idx";--> statement-breakpoint
DROP INDEX CONCURRENTLY IF EXISTS "audit_log_actor_org_idx";--> statement-breakpoint
DROP INDEX CONCURRENTLY IF EXISTS "users_email_trgm_idx";--> statement-breakpoint
CREATE INDEX CONCURRENTLY "users_email_trgm_idx" ON "users" USING gin (lower("email") gin_trgm_ops);--> statement-breakpoint
DROP INDEX CONCURRENTLY IF EXISTS "audit_log_org_actor_idx";--> statement-breakpoint
CREATE INDEX CONCURRENTLY "audit_log_org_actor_idx" ON "audit_log" USING btree ("org_id","actor_user_id","at","id");--> statement-breakpoint
DROP INDEX CONCURRENTLY IF EXISTS "audit_log_actor_org_action_idx";--> statement-breakpoint
CREATE INDEX CONCURRENTLY "audit_log_actor_org_action_idx" ON "audit_log" USING btree ("actor_org_id","action","at","id") WHERE "audit_log"."actor_org_id" <> "audit_log"."org_id";--> statement-breakpoint
DROP INDEX CONCURRENTLY IF EXISTS "audit_log_actor_org_actor_idx";--> statement-breakpoint
CREATE INDEX CONCURRENTLY "audit_log_actor_org_actor_idx" ON "audit_log" USING btree ("actor_org_id","actor_user_id","at","id") WHERE "audit_log"."actor_org_id" <> "audit_log"."org_id";--> statement-breakpoint
DROP INDEX CONCURRENTLY IF EXISTS "audit_log_org_at_idx";--> statement-breakpoint
CREATE INDEX CONCURRENTLY "audit_log_org_at_idx" ON "audit_log" USING btree ("org_id","at","id");--> statement-breakpoint
DROP INDEX CONCURRENTLY IF EXISTS "audit_log_org_action_idx";--> statement-breakpoint
CREATE INDEX CONCURRENTLY "audit_log_org_action_idx" ON "audit_log" USING btree ("org_id","action","at","id");--> statement-breakpoint
DROP INDEX CONCURRENTLY IF EXISTS "audit_log_actor_org_idx";--> statement-breakpoint
CREATE INDEX CONCURRENTLY "audit_log_actor_org_idx" ON "audit_log" USING btree ("actor_org_id","at","id") WHERE "audit_log"."actor_org_id" <> "audit_log"."org_id";
