// Builders for the trial tests: a non-wholesale partner with every role, an existing org
// (not managed by any partner), and calls through runAuthorized with each op's declared capability.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { orgs, roleGrants, users } from '@/db/schema';
import { runAuthorized } from '@/lib/server/guard';
import type { Clock } from '@/lib/platform/clock';
import type { ServiceDeps } from '@/lib/platform/service-ctx';
import { trialOps } from '@/lib/trials/trial-operations';
import { emptyServices } from '@/lib/trials/empty-services';
import type { StartTrialInput, TrialServicesInput } from '@/lib/trials/trial-schema';
import type { JobSender } from '@/lib/platform/queues';
import { makeAdmin, makePartner } from './fixtures';
import { oneRow } from '@/db/one-row';

const tag = () => randomBytes(3).toString('hex');
type Ops = typeof trialOps;

export function trialCaller(db: Db, clock: Clock, jobs: JobSender) {
  const deps: ServiceDeps = { db, clock, jobs };
  return <K extends keyof Ops>(
    op: K,
    who: { userId: string },
    orgId: string,
    input: unknown,
  ): Promise<Awaited<ReturnType<Ops[K]['handler']>>> => {
    const o = trialOps[op];
    return runAuthorized(deps, { userId: who.userId, orgId, input }, o.capability, o.schema, o.handler as never);
  };
}

export async function makeTrialPartner(db: Db, opts: { tier?: '1' | '2'; name?: string } = {}) {
  const org = await makePartner(db, { wholesale: false, name: opts.name });
  if (opts.tier) await db.update(orgs).set({ tier: opts.tier }).where(eq(orgs.id, org.id));
  return {
    org,
    salesFull: await makeAdmin(db, org.id, ['sales_full_admin']),
    sales: await makeAdmin(db, org.id, ['sales_admin']),
    sales2: await makeAdmin(db, org.id, ['sales_admin']),
    readonly: await makeAdmin(db, org.id, ['partner_readonly_admin']),
    full: await makeAdmin(db, org.id, ['partner_full_admin']),
  };
}

/** An organisation of its own (like Harbor Law Group): a full admin and an ordinary user. */
export async function makeExistingOrg(db: Db, name = `Existing ${tag()}`) {
  const org = await oneRow(db.insert(orgs).values({ kind: 'customer', name, country: 'US', wholesale: false }).returning(), 'org');
  const admin = await oneRow(
    db
      .insert(users)
      .values({ orgId: org.id, email: `admin-${tag()}@existing.test`, firstName: 'Ada', lastName: 'Admin' })
      .returning(),
    'admin',
  );
  await db.insert(roleGrants).values({ userId: admin.id, orgId: org.id, role: 'customer_full_admin' });
  const admin2 = await oneRow(
    db
      .insert(users)
      .values({ orgId: org.id, email: `admin2-${tag()}@existing.test`, firstName: 'Bo', lastName: 'Admin' })
      .returning(),
    'admin2',
  );
  await db.insert(roleGrants).values({ userId: admin2.id, orgId: org.id, role: 'customer_full_admin' });
  const user = await oneRow(
    db
      .insert(users)
      .values({ orgId: org.id, email: `user-${tag()}@existing.test`, firstName: 'Una', lastName: 'User' })
      .returning(),
    'user',
  );
  return {
    org,
    admin: { userId: admin.id, email: admin.email },
    admin2: { userId: admin2.id, email: admin2.email },
    user: { userId: user.id, email: user.email },
  };
}

export function services(over: Partial<TrialServicesInput> = {}): TrialServicesInput {
  return { ...emptyServices(), ...over };
}

export function startInput(over: Partial<StartTrialInput> = {}): StartTrialInput {
  const t = tag();
  return {
    companyName: `Trial Co ${t}`,
    adminEmail: `admin-${t}@trial.test`,
    businessVertical: 'Technology',
    address: {
      addressLine1: '1 Main Street',
      addressLine2: '',
      city: 'Springfield',
      stateOrProvince: 'IL',
      postalCode: '62701',
      country: 'US',
    },
    confirmSupportedLocation: true,
    services: services({ calling: true, meetings: true, siteUrl: `trial-${t}`, messaging: true }),
    lengthDays: 30,
    ...over,
  };
}
