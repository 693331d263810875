import { z } from 'zod';

// Validated once; the app refuses to start with a clear message when something is wrong.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string({
      error: 'DATABASE_URL is not set. Start through `npm start`/`npm run dev` (which run an embedded PostgreSQL) or point it at a server.',
    })
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'DATABASE_URL must be a postgres:// URL'),
  AUTH_SECRET: z
    .string({ error: 'AUTH_SECRET is not set (npm start generates one into .data/auth-secret; set it yourself in production).' })
    .min(32, 'AUTH_SECRET must be at least 32 characters'),
  // Off unless the launcher (scripts/with-db.mjs: on for the embedded database) or the
  // operator turns it on: a server pointed at a real database is never a demo by accident.
  DEMO_MODE: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
  /** 1 = behind a reverse proxy whose X-Forwarded-* headers are trusted. */
  TRUST_PROXY: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
  APP_URL: z.string().url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must be smtp:// or smtps://')
    .optional(),
  /** Envelope sender for SMTP, e.g. "Partner Hub <no-reply@example.com>"; the display name shows the sending org. */
  SMTP_FROM: z.string().optional(),
  JOBS_ENABLED: z
    .enum(['0', '1'])
    .default('1')
    .transform((v) => v === '1'),
  /** Days a finished billing report is kept (lib/billing/report-retention.ts); 0 = forever. */
  REPORT_RETENTION_DAYS: z
    .string()
    .regex(/^\s*\d*\s*$/, 'REPORT_RETENTION_DAYS must be a whole number of days (0 keeps reports forever)')
    .optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}
