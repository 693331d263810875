import { defineConfig } from 'drizzle-kit';

// `drizzle-kit generate` only diffs the schema files; it needs no database.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/unused' },
  strict: true,
});
