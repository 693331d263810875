// Every capability, through the one wrapper all actions and route handlers use: a
// sub-partner admin naming any foreign org gets 404 and the handler never runs.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAuthorized } from '@/lib/server/guard';
import { CUSTOMER_PERMISSIONS, PARTNER_PERMISSIONS, type Capability } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/access';
import { fixedClock } from '@/lib/platform/clock';
import { NotFoundError } from '@/lib/platform/errors';
import { freshDb } from './support/test-db';
import { makeAdmin, makeCustomer, makePartner, makeSubPartner } from './support/fixtures';

const db = await freshDb();
const deps = { db, clock: fixedClock('2026-11-21T00:00:00Z'), jobs: { send: async () => {} } };
const CAPABILITIES = [...Object.keys(PARTNER_PERMISSIONS), ...Object.keys(CUSTOMER_PERMISSIONS)] as Capability[];

let subAdmin: Actor;
let foreign: Record<string, string>;

beforeAll(async () => {
  const parent = await makePartner(db, { name: 'Parent' });
  const mine = await makeSubPartner(db, parent.id, 'Mine');
  const sibling = await makeSubPartner(db, parent.id, 'Sibling');
  const unrelated = await makePartner(db, { name: 'Unrelated' });
  subAdmin = await makeAdmin(db, mine.id, ['partner_full_admin', 'wholesale_admin']);
  foreign = {
    parent: parent.id,
    'parent customer': (await makeCustomer(db, parent.id)).org.id,
    sibling: sibling.id,
    "sibling's customer": (await makeCustomer(db, sibling.id)).org.id,
    unrelated: unrelated.id,
    "unrelated's customer": (await makeCustomer(db, unrelated.id)).org.id,
  };
});

describe('a sub-partner admin against foreign orgs', () => {
  it('every capability × every foreign org → 404, handler never called, nothing written', async () => {
    const auditBefore = (await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log`))[0].n;
    let called = 0;
    const outcomes: string[] = [];
    for (const capability of CAPABILITIES) {
      for (const [label, orgId] of Object.entries(foreign)) {
        const result = await runAuthorized(deps, { userId: subAdmin.userId, orgId, input: {} }, capability, z.object({}), async () => {
          called += 1;
          return 'ran';
        }).then(
          (v) => `ran: ${v}`,
          (e: unknown) => (e instanceof NotFoundError ? '404' : `other: ${String(e)}`),
        );
        if (result !== '404') outcomes.push(`${capability} on ${label}: ${result}`);
      }
    }
    expect(outcomes).toEqual([]);
    expect(called).toBe(0);
    expect((await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log`))[0].n).toBe(auditBefore);
  });
});
