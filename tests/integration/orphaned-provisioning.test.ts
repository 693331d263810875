// Issue 17.2: no status without a way forward. A customer left in 'provisioning' without a
// stored request (no job can ever finish it) is moved to 'error' by the sweep after the
// time-out, with a message naming what to do; customers that can still finish are left alone.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customerPackages, customers, provisioningEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/access';
import { createCustomer } from '@/lib/customers/create-customer';
import { createCustomerSchema, type CreateCustomerInput } from '@/lib/customers/customer-schema';
import { failOrphanedProvisioning, ORPHANED_PROVISIONING_ERROR, ORPHANED_PROVISIONING_MS } from '@/lib/customers/orphaned-provisioning';
import { fixedClock } from '@/lib/platform/clock';
import type { ServiceDeps } from '@/lib/platform/service-ctx';
import { customerInput, makeTemplate, recordingJobs, serviceCaller } from './support/customer-fixtures';
import { makeAdmin, makePartner } from './support/fixtures';
import { freshDb } from './support/test-db';

const db = await freshDb();
const clock = fixedClock('2030-05-01T08:00:00Z');
const jobs = recordingJobs();
const deps: ServiceDeps = { db, clock, jobs };
const call = serviceCaller(db, { clock, jobs });

let partnerId: string;
let admin: Actor;
let template: { id: string };
const create = (input: CreateCustomerInput) =>
  call(admin.userId, partnerId, 'customers.write', createCustomerSchema, createCustomer, input);
const statusOf = async (id: string) =>
  (await db.select({ status: customers.status, errors: customers.errors }).from(customers).where(eq(customers.id, id)))[0];

beforeAll(async () => {
  partnerId = (await makePartner(db, { name: 'Orphan Telecom' })).id;
  admin = await makeAdmin(db, partnerId, ['partner_full_admin', 'wholesale_admin']);
  template = await makeTemplate(db, partnerId, admin.userId);
});

describe('orphaned provisioning time-out', () => {
  it('moves a provisioning customer without a stored request to Error after the time-out, and leaves one with a request alone', async () => {
    const orphan = await create(customerInput(template.id));
    const healthy = await create(customerInput(template.id));
    await db.update(customers).set({ provisioningRequest: null }).where(eq(customers.id, orphan.customerId));

    clock.advance(ORPHANED_PROVISIONING_MS - 60_000);
    expect(await failOrphanedProvisioning(deps)).toEqual([]);
    expect((await statusOf(orphan.customerId)).status).toBe('provisioning');

    clock.advance(2 * 60_000);
    expect(await failOrphanedProvisioning(deps)).toEqual([orphan.customerId]);
    expect(await statusOf(orphan.customerId)).toEqual({ status: 'error', errors: [ORPHANED_PROVISIONING_ERROR] });
    // Its packages no longer claim to be provisioning, and the log says why it stopped.
    const pkgs = await db
      .select({ status: customerPackages.status })
      .from(customerPackages)
      .where(eq(customerPackages.customerId, orphan.customerId));
    expect(pkgs.length).toBeGreaterThan(0);
    expect(pkgs.every((p) => p.status === 'error')).toBe(true);
    const log = await db
      .select({ step: provisioningEvents.step, message: provisioningEvents.message })
      .from(provisioningEvents)
      .where(eq(provisioningEvents.customerId, orphan.customerId));
    expect(log.map((e) => e.step)).toContain('timeout');

    // The customer with a stored request is the stale sweep's (it resumes it), not failed here.
    expect((await statusOf(healthy.customerId)).status).toBe('provisioning');
    // Running again changes nothing.
    expect(await failOrphanedProvisioning(deps)).toEqual([]);
  });
});
