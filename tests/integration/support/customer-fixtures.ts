// Builders for the customer tests: templates, wizard input, and the real authorised
// service path (runAuthorized) with a recording job queue.
import { randomBytes } from 'node:crypto';
import { eq, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { onboardingTemplates, orgs, pstnProviders, subscriptions } from '@/db/schema';
import type { JobPayloads, JobSender, QueueName } from '@/lib/platform/queues';
import { runAuthorized } from '@/lib/server/guard';
import type { Capability } from '@/lib/auth/permissions';
import type { CreateCustomerInput } from '@/lib/customers/customer-schema';
import type { PackageId } from '@/lib/domain/packages';
import { systemClock, type Clock } from '@/lib/platform/clock';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { oneRow } from '@/db/one-row';

const tag = () => randomBytes(3).toString('hex');

export interface SentJob {
  queue: QueueName;
  data: unknown;
  singletonKey?: string;
}

/** A JobSender that only records, so tests decide when (and whether) a job runs. */
export function recordingJobs(): JobSender & { sent: SentJob[]; of<Q extends QueueName>(q: Q): JobPayloads[Q][] } {
  const sent: SentJob[] = [];
  return {
    sent,
    async send(queue, data, options) {
      sent.push({ queue, data, singletonKey: options?.singletonKey });
    },
    of<Q extends QueueName>(q: Q) {
      return sent.filter((s) => s.queue === q).map((s) => s.data as JobPayloads[Q]);
    },
  };
}

/** The subscription a partner or sub-partner sells from (a sub-partner's parent's). */
export async function subscriptionOf(db: Db, orgId: string): Promise<string> {
  const org = await oneRow(db.select().from(orgs).where(eq(orgs.id, orgId)), 'org');
  const sub = await oneRow(
    db
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(or(eq(subscriptions.partnerOrgId, orgId), eq(subscriptions.partnerOrgId, org.parentPartnerId ?? orgId))),
    'sub',
  );
  return sub.id;
}

/** An onboarding template of orgId; with a PSTN provider unless `pstn: false`. */
export async function makeTemplate(
  db: Db,
  orgId: string,
  adminUserId: string,
  opts: { pstn?: boolean; packages?: PackageId[]; defaultLanguage?: string; name?: string } = {},
) {
  let subscriptionId = await subscriptionOf(db, orgId);
  if (opts.packages) {
    subscriptionId = `Sub-${tag()}`;
    await db.insert(subscriptions).values({ id: subscriptionId, partnerOrgId: orgId, packages: opts.packages });
  }
  let pstnProviderId: string | null = null;
  if (opts.pstn !== false) {
    pstnProviderId = 'pstn-test';
    await db
      .insert(pstnProviders)
      .values({ id: pstnProviderId, name: 'Test PSTN', countries: ['US', 'GB', 'DE'] })
      .onConflictDoNothing();
  }
  const t = await oneRow(
    db
      .insert(onboardingTemplates)
      .values({
        orgId,
        name: opts.name ?? `Template ${tag()}`,
        country: 'US',
        serviceProviderAdminId: adminUserId,
        subscriptionId,
        pstnProviderId,
        defaultLanguage: opts.defaultLanguage ?? 'en_US',
        provisioningId: `prov-${tag()}${tag()}`,
      })
      .returning(),
    't',
  );
  return t;
}

/** A valid wizard input for templateId; override any part. */
export function customerInput(templateId: string, overrides: Partial<CreateCustomerInput> = {}): CreateCustomerInput {
  const t = tag();
  return {
    companyName: `Test Customer ${t}`,
    adminEmail: `admin-${t}@customer.test`,
    adminFirstName: '',
    adminLastName: '',
    templateId,
    externalId: `EXT-${t}`,
    language: '',
    packages: ['webex_calling', 'webex_meetings'],
    address: {
      addressLine1: '1 Main Street',
      addressLine2: '',
      city: 'Springfield',
      stateOrProvince: 'IL',
      postalCode: '62701',
      country: 'US',
    },
    confirmSupportedLocation: true,
    ...overrides,
  };
}

/** Calls a service the way both doors do: authorise, parse with the schema, one transaction. */
export function serviceCaller(db: Db, opts: { clock?: Clock; jobs?: JobSender } = {}) {
  const jobs = opts.jobs ?? recordingJobs();
  return <S extends z.ZodType, R>(
    userId: string,
    orgId: string,
    capability: Capability,
    schema: S,
    service: (ctx: ServiceCtx, input: z.output<S>) => Promise<R>,
    input: unknown,
  ) => runAuthorized({ db, clock: opts.clock ?? systemClock, jobs }, { userId, orgId, input }, capability, schema, service);
}

/** The rejection of a promise (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}
