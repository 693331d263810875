ALTER TABLE "branding" ADD COLUMN "logo_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_sign_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "message_id" text;--> statement-breakpoint
CREATE INDEX "customers_partner_analytics_idx" ON "customers" USING btree ("partner_org_id","created_at","status","status_changed_at","deprovisioned_at");--> statement-breakpoint
CREATE INDEX "package_assignments_partner_package_start_idx" ON "package_assignments" USING btree ("partner_org_id","package","started_at","ended_at");--> statement-breakpoint
CREATE INDEX "package_assignments_open_partner_customer_idx" ON "package_assignments" USING btree ("partner_org_id","customer_id") WHERE "package_assignments"."ended_at" is null;