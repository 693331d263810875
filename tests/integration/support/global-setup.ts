// Builds one migrated template database per run; every test file clones it
// (CREATE DATABASE … TEMPLATE) so files are isolated and start in milliseconds.
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { createDb } from '@/db/client';
import { runMigrations } from '@/db/migrate';

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('Integration tests need DATABASE_URL: run them through `npm test` or `npm run test:integration`.');
  const template = `ph_tmpl_${process.pid}`;
  const admin = postgres(withDatabase(base, 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${template} with (force)`);
  await admin.unsafe(`create database ${template}`);
  const db = createDb(withDatabase(base, template), { max: 2 });
  await runMigrations(db);
  await db.$end();
  project.provide('templateDatabase', template);
  project.provide('baseDatabaseUrl', base);
  return async () => {
    // Drop whatever clones a crashed file left behind, then the template.
    const left = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`ph_t_${process.pid}_%`}`;
    for (const { datname } of left) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.unsafe(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
    baseDatabaseUrl: string;
  }
}
