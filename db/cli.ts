// Database tasks run by scripts/with-db.mjs: migrate | seed | seed-if-empty.
import { sql } from 'drizzle-orm';
import { createDb } from './client';
import { runMigrations } from './migrate';
import { seedDemo } from './seed';
import { oneRow } from './one-row';

async function main() {
  const task = process.argv[2];
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const db = createDb(url, { max: 4 });
  try {
    if (task === 'migrate') {
      await runMigrations(db);
      console.error('[db] migrations applied');
    } else if (task === 'seed' || task === 'seed-if-empty') {
      // Outside demo mode nothing is ever seeded (SPEC §10), whoever calls this.
      if (process.env.DEMO_MODE !== '1') throw new Error('Refusing to seed demo data: demo mode is off (set DEMO_MODE=1 to seed).');
      if (task === 'seed-if-empty') {
        const row = await oneRow(db.execute<{ n: number }>(sql`select count(*)::int as n from orgs`), 'the org count');
        if (row.n > 0) return;
      }
      const started = Date.now();
      await seedDemo(db);
      console.error(`[db] demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } else {
      throw new Error(`unknown task: ${task}`);
    }
  } finally {
    await db.$end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
