CREATE TABLE "partner_customer_month_deltas" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"partner_org_id" uuid NOT NULL,
	"status" "customer_status" NOT NULL,
	"created_month" date NOT NULL,
	"changed_month" date NOT NULL,
	"deprovisioned_month" date NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_customer_months" (
	"partner_org_id" uuid NOT NULL,
	"status" "customer_status" NOT NULL,
	"created_month" date NOT NULL,
	"changed_month" date NOT NULL,
	"deprovisioned_month" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "partner_customer_months_partner_org_id_status_created_month_changed_month_deprovisioned_month_pk" PRIMARY KEY("partner_org_id","status","created_month","changed_month","deprovisioned_month")
);
--> statement-breakpoint
CREATE TABLE "customer_open_seats" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"partner_org_id" uuid NOT NULL,
	"seats" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_seat_month_deltas" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"partner_org_id" uuid NOT NULL,
	"package" "package_id" NOT NULL,
	"month" date NOT NULL,
	"started" integer NOT NULL,
	"ended" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_seat_months" (
	"partner_org_id" uuid NOT NULL,
	"package" "package_id" NOT NULL,
	"month" date NOT NULL,
	"started" integer NOT NULL,
	"ended" integer NOT NULL,
	CONSTRAINT "partner_seat_months_partner_org_id_package_month_pk" PRIMARY KEY("partner_org_id","package","month")
);
--> statement-breakpoint
CREATE INDEX "partner_customer_month_deltas_partner_idx" ON "partner_customer_month_deltas" USING btree ("partner_org_id");--> statement-breakpoint
CREATE INDEX "customer_open_seats_top_idx" ON "customer_open_seats" USING btree ("partner_org_id","seats");--> statement-breakpoint
CREATE INDEX "partner_seat_month_deltas_partner_idx" ON "partner_seat_month_deltas" USING btree ("partner_org_id");
