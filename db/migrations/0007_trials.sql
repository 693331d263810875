CREATE TABLE "trial_notifications" (
	"trial_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recipient" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trial_notifications_trial_id_kind_recipient_pk" PRIMARY KEY("trial_id","kind","recipient")
);
--> statement-breakpoint
ALTER TABLE "trials" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "public"."trial_status";--> statement-breakpoint
CREATE TYPE "public"."trial_status" AS ENUM('pending_consent', 'pending_provisioning_details', 'active', 'expired_grace', 'ended', 'converted', 'cancelled');--> statement-breakpoint
ALTER TABLE "trials" ALTER COLUMN "status" SET DATA TYPE "public"."trial_status" USING "status"::"public"."trial_status";--> statement-breakpoint
ALTER TABLE "trial_device_shipments" ADD COLUMN "quantity" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "trials" ADD COLUMN "customer_id" uuid;--> statement-breakpoint
ALTER TABLE "trials" ADD COLUMN "origin" text DEFAULT 'new_customer' NOT NULL;--> statement-breakpoint
ALTER TABLE "trials" ADD COLUMN "status_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "trials" ADD COLUMN "length_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "trials" ADD COLUMN "consent_answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "trial_notifications" ADD CONSTRAINT "trial_notifications_trial_id_trials_id_fk" FOREIGN KEY ("trial_id") REFERENCES "public"."trials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "trials_one_open_per_customer" ON "trials" USING btree ("partner_org_id","customer_org_id") WHERE "trials"."status" in ('pending_consent', 'pending_provisioning_details', 'active', 'expired_grace');