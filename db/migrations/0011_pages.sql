CREATE TABLE "partner_seat_counts" (
	"partner_org_id" uuid NOT NULL,
	"package" "package_id" NOT NULL,
	"seats" integer NOT NULL,
	CONSTRAINT "partner_seat_counts_partner_org_id_package_pk" PRIMARY KEY("partner_org_id","package")
);
--> statement-breakpoint
CREATE TABLE "partner_seat_deltas" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"partner_org_id" uuid NOT NULL,
	"package" "package_id" NOT NULL,
	"delta" integer NOT NULL
);
--> statement-breakpoint
DROP INDEX "audit_log_org_at_idx";--> statement-breakpoint
DROP INDEX "audit_log_org_action_idx";--> statement-breakpoint
DROP INDEX "audit_log_actor_org_idx";--> statement-breakpoint
CREATE INDEX "partner_seat_deltas_partner_idx" ON "partner_seat_deltas" USING btree ("partner_org_id");--> statement-breakpoint
CREATE INDEX "users_email_trgm_idx" ON "users" USING gin (lower("email") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "audit_log_org_actor_idx" ON "audit_log" USING btree ("org_id","actor_user_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_org_action_idx" ON "audit_log" USING btree ("actor_org_id","action","at","id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_org_actor_idx" ON "audit_log" USING btree ("actor_org_id","actor_user_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_log_org_at_idx" ON "audit_log" USING btree ("org_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_log_org_action_idx" ON "audit_log" USING btree ("org_id","action","at","id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_org_idx" ON "audit_log" USING btree ("actor_org_id","at","id");