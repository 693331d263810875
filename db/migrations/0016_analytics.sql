CREATE TABLE "partner_provisioning_seconds" (
	"partner_org_id" uuid NOT NULL,
	"created_month" date NOT NULL,
	"seconds" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "partner_provisioning_seconds_partner_org_id_created_month_seconds_pk" PRIMARY KEY("partner_org_id","created_month","seconds")
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "provisioned_at" timestamp with time zone;
