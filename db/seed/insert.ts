// Writing: the built rows, in chunked bulk inserts.
import type { Tx } from '@/db/client';
import {
  auditLog,
  customerPackages,
  customers,
  emailOutbox,
  locations,
  onboardingTemplates,
  orgRelations,
  orgSettings,
  orgs,
  packageAssignments,
  provisioningEvents,
  pstnProviders,
  restrictedParties,
  roleGrants,
  subPartnerSubscriptions,
  subscribers,
  subscriptions,
  trialDeviceShipments,
  trialServices,
  trials,
  users,
} from '@/db/schema';
import type { DemoRows } from './rows';

/** Rows per INSERT: far below PostgreSQL's 65,535 bind parameters for every table here. */
const CHUNK = 1000;

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => PromiseLike<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Inserts in foreign-key order. */
export async function insertAll(tx: Tx, rows: DemoRows): Promise<void> {
  await inChunks(rows.pstnProviders, (r) => tx.insert(pstnProviders).values(r));
  await inChunks(rows.restrictedParties, (r) => tx.insert(restrictedParties).values(r));
  // A trigger checks that a sub-partner's parent is an existing partner: parents first.
  for (const kind of ['partner', 'sub_partner', 'customer'] as const) {
    await inChunks(
      rows.orgs.filter((o) => o.kind === kind),
      (r) => tx.insert(orgs).values(r),
    );
  }
  await inChunks(rows.orgRelations, (r) => tx.insert(orgRelations).values(r));
  await inChunks(rows.subscriptions, (r) => tx.insert(subscriptions).values(r));
  await inChunks(rows.subPartnerSubscriptions, (r) => tx.insert(subPartnerSubscriptions).values(r));
  await inChunks(rows.users, (r) => tx.insert(users).values(r));
  await inChunks(rows.roleGrants, (r) => tx.insert(roleGrants).values(r));
  await inChunks(rows.templates, (r) => tx.insert(onboardingTemplates).values(r));
  await inChunks(rows.customers, (r) => tx.insert(customers).values(r));
  await inChunks(rows.orgSettings, (r) => tx.insert(orgSettings).values(r));
  await inChunks(rows.locations, (r) => tx.insert(locations).values(r));
  await inChunks(rows.customerPackages, (r) => tx.insert(customerPackages).values(r));
  await inChunks(rows.provisioningEvents, (r) => tx.insert(provisioningEvents).values(r));
  await inChunks(rows.subscribers, (r) => tx.insert(subscribers).values(r));
  await inChunks(rows.packageAssignments, (r) => tx.insert(packageAssignments).values(r));
  await inChunks(rows.trials, (r) => tx.insert(trials).values(r));
  await inChunks(rows.trialServices, (r) => tx.insert(trialServices).values(r));
  await inChunks(rows.trialDeviceShipments, (r) => tx.insert(trialDeviceShipments).values(r));
  await inChunks(rows.auditLog, (r) => tx.insert(auditLog).values(r));
  await inChunks(rows.emailOutbox, (r) => tx.insert(emailOutbox).values(r));
}
