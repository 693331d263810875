CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TYPE "public"."api_scope" AS ENUM('wholesale_customers_read', 'wholesale_customers_write', 'wholesale_subscribers_read', 'wholesale_subscribers_write', 'wholesale_billing_reports_read', 'wholesale_billing_reports_write');--> statement-breakpoint
CREATE TYPE "public"."auth_mode" AS ENUM('webex', 'saml', 'oidc');--> statement-breakpoint
CREATE TYPE "public"."customer_status" AS ENUM('provisioning', 'provisioned', 'provisioned_with_errors', 'updating', 'deleting', 'error', 'pending_rpl_review', 'pending_customer_approval', 'suspended', 'deprovisioned');--> statement-breakpoint
CREATE TYPE "public"."email_status" AS ENUM('queued', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."org_kind" AS ENUM('partner', 'sub_partner', 'customer');--> statement-breakpoint
CREATE TYPE "public"."org_state" AS ENUM('active', 'suspended');--> statement-breakpoint
CREATE TYPE "public"."package_id" AS ENUM('common_area_calling', 'webex_voice', 'webex_calling', 'webex_suite', 'webex_meetings', 'cx_essentials');--> statement-breakpoint
CREATE TYPE "public"."package_status" AS ENUM('provisioning', 'provisioned', 'deleting', 'error');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('IN_PROGRESS', 'COMPLETED', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."report_type" AS ENUM('PARTNER', 'CUSTOMER', 'USER');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('partner_full_admin', 'partner_readonly_admin', 'wholesale_admin', 'sales_full_admin', 'sales_admin', 'customer_full_admin', 'customer_readonly_admin');--> statement-breakpoint
CREATE TYPE "public"."subscriber_kind" AS ENUM('user', 'workspace');--> statement-breakpoint
CREATE TYPE "public"."subscriber_status" AS ENUM('provisioning', 'provisioned', 'error', 'removed');--> statement-breakpoint
CREATE TYPE "public"."trial_service" AS ENUM('meetings', 'messaging', 'calling', 'devices');--> statement-breakpoint
CREATE TYPE "public"."trial_status" AS ENUM('pending_customer_consent', 'pending_provisioning_details', 'active', 'grace', 'expired', 'converted', 'cancelled');--> statement-breakpoint
CREATE TABLE "branding" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"logo_data_url" text,
	"light_theme" jsonb,
	"dark_theme" jsonb,
	"support_url" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_relations" (
	"manager_org_id" uuid NOT NULL,
	"managed_org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_relations_manager_org_id_managed_org_id_pk" PRIMARY KEY("manager_org_id","managed_org_id"),
	CONSTRAINT "org_relations_not_self" CHECK ("org_relations"."manager_org_id" <> "org_relations"."managed_org_id")
);
--> statement-breakpoint
CREATE TABLE "org_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"domain" text,
	"domain_verified" boolean DEFAULT false NOT NULL,
	"domain_claimed" boolean DEFAULT false NOT NULL,
	"suppress_admin_invite_emails" boolean DEFAULT false NOT NULL,
	"email_language" text,
	"sso" jsonb,
	"calling" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orgs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "org_kind" NOT NULL,
	"name" text NOT NULL,
	"parent_partner_id" uuid,
	"wholesale" boolean DEFAULT false NOT NULL,
	"tier" text DEFAULT '1' NOT NULL,
	"state" "org_state" DEFAULT 'active' NOT NULL,
	"country" text,
	"language" text,
	"billing_start_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orgs_parent_only_for_sub_partners" CHECK (("orgs"."kind" = 'sub_partner') = ("orgs"."parent_partner_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "role_grants" (
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_grants_user_id_org_id_role_pk" PRIMARY KEY("user_id","org_id","role")
);
--> statement-breakpoint
CREATE TABLE "sub_partner_subscriptions" (
	"sub_partner_org_id" uuid NOT NULL,
	"subscription_id" text NOT NULL,
	CONSTRAINT "sub_partner_subscriptions_sub_partner_org_id_subscription_id_pk" PRIMARY KEY("sub_partner_org_id","subscription_id")
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_org_id" uuid NOT NULL,
	"packages" "package_id"[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"email" text NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"display_name" text,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "onboarding_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text DEFAULT 'webex_wholesale' NOT NULL,
	"country" text NOT NULL,
	"service_provider_admin_id" uuid NOT NULL,
	"subscription_id" text NOT NULL,
	"auth_mode" "auth_mode" DEFAULT 'webex' NOT NULL,
	"idp_entity_id" text,
	"idp_name" text,
	"pstn_provider_id" text,
	"allow_admin_invite_emails" boolean DEFAULT false NOT NULL,
	"brand_name" text,
	"disable_webex_calling" boolean DEFAULT false NOT NULL,
	"default_language" text DEFAULT 'en_US' NOT NULL,
	"provisioning_id" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pstn_providers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"countries" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_packages" (
	"customer_id" uuid NOT NULL,
	"package" "package_id" NOT NULL,
	"status" "package_status" DEFAULT 'provisioning' NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_packages_customer_id_package_pk" PRIMARY KEY("customer_id","package")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"partner_org_id" uuid NOT NULL,
	"template_id" uuid,
	"subscription_id" text,
	"external_id" text NOT NULL,
	"status" "customer_status" DEFAULT 'provisioning' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rbpm" boolean DEFAULT true NOT NULL,
	"attached" boolean DEFAULT false NOT NULL,
	"admin_email" text NOT NULL,
	"language" text,
	"creation_package" "package_id",
	"sip_domain" text,
	"meetings_site_url" text,
	"meetings_dial_in_code" text,
	"meetings_language" text,
	"rpl_review_started_at" timestamp with time zone,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"provisioning_request" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deprovisioned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"is_headquarters" boolean DEFAULT false NOT NULL,
	"address_line1" text NOT NULL,
	"address_line2" text,
	"city" text NOT NULL,
	"state_or_province" text,
	"postal_code" text NOT NULL,
	"country" text NOT NULL,
	"time_zone" text,
	"language" text,
	"emergency_location_identifier" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provisioning_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"step" text NOT NULL,
	"level" text DEFAULT 'info' NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "restricted_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"normalized_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscribers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" "subscriber_kind" NOT NULL,
	"user_id" uuid,
	"workspace_name" text,
	"package" "package_id" NOT NULL,
	"location_id" uuid NOT NULL,
	"extension" text,
	"primary_phone_number" text,
	"status" "subscriber_status" DEFAULT 'provisioned' NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_status_change_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "subscribers_user_or_workspace" CHECK (("subscribers"."kind" = 'user') = ("subscribers"."user_id" is not null) and ("subscribers"."kind" = 'workspace') = ("subscribers"."workspace_name" is not null)),
	CONSTRAINT "subscribers_extension_format" CHECK ("subscribers"."extension" is null or "subscribers"."extension" ~ '^[0-9]{2,10}$'),
	CONSTRAINT "subscribers_phone_e164" CHECK ("subscribers"."primary_phone_number" is null or "subscribers"."primary_phone_number" ~ '^\+[1-9][0-9]{6,14}$')
);
--> statement-breakpoint
CREATE TABLE "billing_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"sub_partner_org_id" uuid,
	"type" "report_type" DEFAULT 'PARTNER' NOT NULL,
	"billing_start_date" date NOT NULL,
	"billing_end_date" date NOT NULL,
	"status" "report_status" DEFAULT 'IN_PROGRESS' NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"row_count" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "billing_reports_period" CHECK ("billing_reports"."billing_start_date" <= "billing_reports"."billing_end_date")
);
--> statement-breakpoint
CREATE TABLE "package_assignments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subscriber_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"partner_org_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"package" "package_id" NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "package_assignments_interval" CHECK ("package_assignments"."ended_at" is null or "package_assignments"."ended_at" >= "package_assignments"."started_at")
);
--> statement-breakpoint
CREATE TABLE "trial_device_shipments" (
	"trial_id" uuid NOT NULL,
	"customer_org_id" uuid NOT NULL,
	"device_type" text NOT NULL,
	"shipped_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trial_services" (
	"trial_id" uuid NOT NULL,
	"customer_org_id" uuid NOT NULL,
	"service" "trial_service" NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "trial_services_trial_id_service_pk" PRIMARY KEY("trial_id","service")
);
--> statement-breakpoint
CREATE TABLE "trials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_org_id" uuid NOT NULL,
	"customer_org_id" uuid NOT NULL,
	"status" "trial_status" NOT NULL,
	"business_vertical" text,
	"grant_full_admin" boolean DEFAULT false NOT NULL,
	"consent_email" text,
	"consent_requested_at" timestamp with time zone,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"expiry_warning_sent_at" timestamp with time zone,
	"expiry_notice_sent_at" timestamp with time zone,
	"services_removed_at" timestamp with time zone,
	"numbers_released_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"scopes" "api_scope"[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"org_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"actor_org_id" uuid,
	"api_token_id" uuid,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"summary" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"kind" text NOT NULL,
	"status" "email_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "branding" ADD CONSTRAINT "branding_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_relations" ADD CONSTRAINT "org_relations_manager_org_id_orgs_id_fk" FOREIGN KEY ("manager_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_relations" ADD CONSTRAINT "org_relations_managed_org_id_orgs_id_fk" FOREIGN KEY ("managed_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_settings" ADD CONSTRAINT "org_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orgs" ADD CONSTRAINT "orgs_parent_partner_id_orgs_id_fk" FOREIGN KEY ("parent_partner_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_partner_subscriptions" ADD CONSTRAINT "sub_partner_subscriptions_sub_partner_org_id_orgs_id_fk" FOREIGN KEY ("sub_partner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_partner_subscriptions" ADD CONSTRAINT "sub_partner_subscriptions_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_partner_org_id_orgs_id_fk" FOREIGN KEY ("partner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_templates" ADD CONSTRAINT "onboarding_templates_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_templates" ADD CONSTRAINT "onboarding_templates_service_provider_admin_id_users_id_fk" FOREIGN KEY ("service_provider_admin_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_templates" ADD CONSTRAINT "onboarding_templates_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_templates" ADD CONSTRAINT "onboarding_templates_pstn_provider_id_pstn_providers_id_fk" FOREIGN KEY ("pstn_provider_id") REFERENCES "public"."pstn_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_templates" ADD CONSTRAINT "onboarding_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_packages" ADD CONSTRAINT "customer_packages_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_partner_org_id_orgs_id_fk" FOREIGN KEY ("partner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_template_id_onboarding_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."onboarding_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisioning_events" ADD CONSTRAINT "provisioning_events_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscribers" ADD CONSTRAINT "subscribers_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscribers" ADD CONSTRAINT "subscribers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscribers" ADD CONSTRAINT "subscribers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscribers" ADD CONSTRAINT "subscribers_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_reports" ADD CONSTRAINT "billing_reports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_reports" ADD CONSTRAINT "billing_reports_sub_partner_org_id_orgs_id_fk" FOREIGN KEY ("sub_partner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_reports" ADD CONSTRAINT "billing_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_assignments" ADD CONSTRAINT "package_assignments_subscriber_id_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."subscribers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_assignments" ADD CONSTRAINT "package_assignments_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_assignments" ADD CONSTRAINT "package_assignments_partner_org_id_orgs_id_fk" FOREIGN KEY ("partner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_assignments" ADD CONSTRAINT "package_assignments_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_device_shipments" ADD CONSTRAINT "trial_device_shipments_trial_id_trials_id_fk" FOREIGN KEY ("trial_id") REFERENCES "public"."trials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_device_shipments" ADD CONSTRAINT "trial_device_shipments_customer_org_id_orgs_id_fk" FOREIGN KEY ("customer_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_services" ADD CONSTRAINT "trial_services_trial_id_trials_id_fk" FOREIGN KEY ("trial_id") REFERENCES "public"."trials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_services" ADD CONSTRAINT "trial_services_customer_org_id_orgs_id_fk" FOREIGN KEY ("customer_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_partner_org_id_orgs_id_fk" FOREIGN KEY ("partner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_customer_org_id_orgs_id_fk" FOREIGN KEY ("customer_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_org_id_orgs_id_fk" FOREIGN KEY ("actor_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "org_relations_managed_idx" ON "org_relations" USING btree ("managed_org_id");--> statement-breakpoint
CREATE INDEX "orgs_parent_idx" ON "orgs" USING btree ("parent_partner_id","name");--> statement-breakpoint
CREATE INDEX "orgs_name_trgm_idx" ON "orgs" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "role_grants_org_idx" ON "role_grants" USING btree ("org_id","role");--> statement-breakpoint
CREATE INDEX "subscriptions_partner_idx" ON "subscriptions" USING btree ("partner_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_org_idx" ON "users" USING btree ("org_id","last_name","first_name");--> statement-breakpoint
CREATE UNIQUE INDEX "templates_org_name_unique" ON "onboarding_templates" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "templates_provisioning_id_unique" ON "onboarding_templates" USING btree ("provisioning_id");--> statement-breakpoint
CREATE INDEX "templates_org_created_idx" ON "onboarding_templates" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "customer_packages_package_idx" ON "customer_packages" USING btree ("package","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_org_unique" ON "customers" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_partner_external_id_unique" ON "customers" USING btree ("partner_org_id","external_id");--> statement-breakpoint
CREATE INDEX "customers_partner_created_idx" ON "customers" USING btree ("partner_org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "customers_partner_status_idx" ON "customers" USING btree ("partner_org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "customers_status_changed_idx" ON "customers" USING btree ("status","status_changed_at");--> statement-breakpoint
CREATE INDEX "customers_template_idx" ON "customers" USING btree ("template_id");--> statement-breakpoint
CREATE INDEX "customers_created_by_idx" ON "customers" USING btree ("partner_org_id","created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "locations_org_name_unique" ON "locations" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "locations_one_hq" ON "locations" USING btree ("org_id") WHERE "locations"."is_headquarters";--> statement-breakpoint
CREATE INDEX "provisioning_events_customer_idx" ON "provisioning_events" USING btree ("customer_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "restricted_parties_normalized_unique" ON "restricted_parties" USING btree ("normalized_name");--> statement-breakpoint
CREATE UNIQUE INDEX "subscribers_phone_unique" ON "subscribers" USING btree ("primary_phone_number") WHERE "subscribers"."removed_at" is null and "subscribers"."primary_phone_number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "subscribers_location_extension_unique" ON "subscribers" USING btree ("location_id","extension") WHERE "subscribers"."removed_at" is null and "subscribers"."extension" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "subscribers_user_unique" ON "subscribers" USING btree ("user_id") WHERE "subscribers"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "subscribers_customer_idx" ON "subscribers" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "subscribers_org_idx" ON "subscribers" USING btree ("org_id","package");--> statement-breakpoint
CREATE INDEX "subscribers_status_changed_idx" ON "subscribers" USING btree ("customer_id","last_status_change_at");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_reports_live_unique" ON "billing_reports" USING btree ("org_id",coalesce("sub_partner_org_id", '00000000-0000-0000-0000-000000000000'::uuid),"type","billing_start_date","billing_end_date") WHERE "billing_reports"."status" <> 'FAILED';--> statement-breakpoint
CREATE INDEX "billing_reports_org_created_idx" ON "billing_reports" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "package_assignments_one_open" ON "package_assignments" USING btree ("subscriber_id") WHERE "package_assignments"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "package_assignments_partner_period_idx" ON "package_assignments" USING btree ("partner_org_id","started_at");--> statement-breakpoint
CREATE INDEX "package_assignments_open_partner_idx" ON "package_assignments" USING btree ("partner_org_id","package") WHERE "package_assignments"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "package_assignments_customer_idx" ON "package_assignments" USING btree ("customer_id","started_at");--> statement-breakpoint
CREATE INDEX "package_assignments_subscriber_idx" ON "package_assignments" USING btree ("subscriber_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "trial_device_shipments_once" ON "trial_device_shipments" USING btree ("customer_org_id","device_type");--> statement-breakpoint
CREATE UNIQUE INDEX "trial_services_one_active_per_customer" ON "trial_services" USING btree ("customer_org_id","service") WHERE "trial_services"."active";--> statement-breakpoint
CREATE INDEX "trials_partner_idx" ON "trials" USING btree ("partner_org_id","status");--> statement-breakpoint
CREATE INDEX "trials_status_ends_idx" ON "trials" USING btree ("status","ends_at");--> statement-breakpoint
CREATE INDEX "trials_customer_idx" ON "trials" USING btree ("customer_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_unique" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_org_idx" ON "api_tokens" USING btree ("org_id") WHERE "api_tokens"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "audit_log_org_at_idx" ON "audit_log" USING btree ("org_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_org_action_idx" ON "audit_log" USING btree ("org_id","action","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_org_idx" ON "audit_log" USING btree ("actor_org_id","at");--> statement-breakpoint
CREATE INDEX "email_outbox_created_idx" ON "email_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "email_outbox_status_idx" ON "email_outbox" USING btree ("status","created_at");