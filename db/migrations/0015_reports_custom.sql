-- Report chunks are gzip-compressed by the app (lib/billing/chunk-writer.ts): EXTERNAL keeps
-- them out of line (TOAST) without PostgreSQL's pglz trying to compress them a second time.
-- Rows stored before this keep whatever storage they had; only new values are affected.
ALTER TABLE "billing_report_chunks" ALTER COLUMN "data" SET STORAGE EXTERNAL;
