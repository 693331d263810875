ALTER TABLE "customers" ADD COLUMN "provisioned_at" timestamp with time zone;
