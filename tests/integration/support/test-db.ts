import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, inject } from 'vitest';
import { createDb, type Db } from '@/db/client';

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, migrated, empty database for this test file, dropped after it.
 * Call at module level: `const db = await freshDb();`
 */
export async function freshDb(): Promise<Db & { url: string }> {
  const base = inject('baseDatabaseUrl');
  const template = inject('templateDatabase');
  const pid = template.replace('ph_tmpl_', '');
  const name = `ph_t_${pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(withDatabase(base, 'postgres'), { max: 1, onnotice: () => {} });
  // Concurrent clones of one template can collide ("being accessed by other users"): retry.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database ${name} template ${template}`);
      break;
    } catch (err) {
      if (attempt >= 20 || !/being accessed/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const url = withDatabase(base, name);
  const db = createDb(url, { max: 5 });
  afterAll(async () => {
    await db.$end();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  return Object.assign(db, { url });
}
