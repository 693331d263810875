// Demo data (SPEC §10): `npm start` on an empty database seeds it, `npm run db:reset`
// re-creates it. Everything is derived from a seeded PRNG and from `now`, so the same
// `now` always yields the same data (ids included) — only the password salt differs.
//
// The data is first built in memory (buildDemoData, no I/O) and then written in one
// transaction with a few bulk inserts, which keeps the whole seed to about a second.
import type { Db } from '@/db/client';
import { hashPassword } from '@/lib/auth/password';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/lib/demo/accounts';
import { FABRIKAM_CUSTOMERS, NORTHWIND_CUSTOMERS, TAILSPIN_CUSTOMERS } from './catalog-customers';
import { DemoBuilder } from './demo-builder';
import { insertAll } from './insert';
import type { DemoRows } from './rows';

export type { DemoRows } from './rows';

/** Builds every demo row in memory (no I/O); `now` anchors all times. */
export function buildDemoData(now: Date, passwordHash: string): DemoRows {
  const b = new DemoBuilder(now, passwordHash);
  b.referenceData();
  b.partnersAndAdmins();
  b.subscriptionsAndTemplates();
  b.subPartnerSetupTrail();
  b.wholesaleCustomers('northwind', NORTHWIND_CUSTOMERS);
  b.wholesaleCustomers('fabrikam', FABRIKAM_CUSTOMERS);
  b.wholesaleCustomers('tailspin', TAILSPIN_CUSTOMERS);
  b.trialCustomers();
  // Every account the sign-in page advertises must exist.
  for (const account of DEMO_ACCOUNTS) b.userId(account.email);
  // The audit log is read newest-first by time; insert in time order so ids agree.
  b.rows.auditLog.sort((x, y) => (x.at?.getTime() ?? 0) - (y.at?.getTime() ?? 0));
  return b.rows;
}

/** Seeds the demo data set into an empty, migrated database, all or nothing. */
export async function seedDemo(db: Db, now: Date = new Date()): Promise<void> {
  // scrypt is deliberately slow: hash once and share the string across the demo accounts.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rows = buildDemoData(now, passwordHash);
  await db.transaction(async (tx) => {
    await insertAll(tx, rows);
  });
}
