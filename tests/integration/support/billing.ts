// Ledger builders for billing tests: subscribers and package intervals inserted directly.
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { locations, packageAssignments, subscribers, users } from '@/db/schema';
import type { PackageId } from '@/lib/domain/packages';
import { oneRow } from '@/db/one-row';
import { at, defined } from '@/tests/support/rows';

const tag = () => randomBytes(4).toString('hex');

export interface CustomerRef {
  org: { id: string };
  customer: { id: string; partnerOrgId: string };
}

export async function hqLocation(db: Db, customerOrgId: string): Promise<string> {
  const hq = await oneRow(
    db
      .select({ id: locations.id })
      .from(locations)
      .where(and(eq(locations.orgId, customerOrgId), eq(locations.isHeadquarters, true))),
    'hq',
  );
  return hq.id;
}

export async function addLocation(db: Db, customerOrgId: string, name = `Branch ${tag()}`): Promise<string> {
  const loc = await oneRow(
    db
      .insert(locations)
      .values({
        orgId: customerOrgId,
        name,
        addressLine1: '2 Side St',
        city: 'Springfield',
        stateOrProvince: 'IL',
        postalCode: '62702',
        country: 'US',
      })
      .returning({ id: locations.id }),
    'loc',
  );
  return loc.id;
}

/**
 * A subscriber with its ledger: consecutive intervals [start, end) with their packages
 * (end null = still assigned). Returns the subscriber and user ids.
 */
export async function addSubscriber(
  db: Db,
  c: CustomerRef,
  intervals: { pkg: PackageId; start: string; end?: string | null; locationId?: string }[],
  opts: { workspace?: boolean; locationId?: string } = {},
): Promise<{ subscriberId: string; userId: string | null }> {
  const locationId = opts.locationId ?? at(intervals, 0).locationId ?? (await hqLocation(db, c.org.id));
  let userId: string | null = null;
  if (!opts.workspace) {
    const u = await oneRow(
      db
        .insert(users)
        .values({ orgId: c.org.id, email: `user-${tag()}@example.test`, firstName: 'U', lastName: tag() })
        .returning({ id: users.id }),
      'u',
    );
    userId = u.id;
  }
  const last = defined(intervals[intervals.length - 1], 'last');
  const s = await oneRow(
    db
      .insert(subscribers)
      .values({
        customerId: c.customer.id,
        orgId: c.org.id,
        kind: opts.workspace ? 'workspace' : 'user',
        userId,
        workspaceName: opts.workspace ? `Lobby ${tag()}` : null,
        package: last.pkg,
        locationId,
        status: last.end ? 'removed' : 'provisioned',
        removedAt: last.end ? new Date(last.end) : null,
      })
      .returning({ id: subscribers.id }),
    's',
  );
  for (const i of intervals) {
    await db.insert(packageAssignments).values({
      subscriberId: s.id,
      customerId: c.customer.id,
      partnerOrgId: c.customer.partnerOrgId,
      locationId: i.locationId ?? locationId,
      package: i.pkg,
      startedAt: new Date(i.start),
      endedAt: i.end ? new Date(i.end) : null,
    });
  }
  return { subscriberId: s.id, userId };
}
