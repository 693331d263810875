CREATE TABLE "billing_report_chunks" (
	"report_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "billing_report_chunks_report_id_seq_pk" PRIMARY KEY("report_id","seq")
);
--> statement-breakpoint
ALTER TABLE "billing_reports" ADD COLUMN "byte_size" bigint;--> statement-breakpoint
ALTER TABLE "billing_reports" ADD COLUMN "chunk_count" integer;--> statement-breakpoint
ALTER TABLE "billing_report_chunks" ADD CONSTRAINT "billing_report_chunks_report_id_billing_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."billing_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "package_assignments_partner_end_idx" ON "package_assignments" USING btree ("partner_org_id",coalesce("ended_at", 'infinity'::timestamptz),"started_at");