import { asc } from 'drizzle-orm';
import { pstnProviders } from '@/db/schema';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { listServiceProviderAdmins, type ServiceProviderAdmin } from './list-service-provider-admins';
import { usableSubscriptionIds } from './usable-subscription-ids';

export interface TemplateFormOptions {
  subscriptionIds: string[];
  /** A sub-partner uses its parent's shared subscription: shown pre-filled and read-only. */
  subscriptionShared: boolean;
  admins: ServiceProviderAdmin[];
  pstnProviders: { id: string; name: string; countries: string[] }[];
}

/** The choices the wizard offers — the same sets the services accept. */
export async function getTemplateFormOptions(ctx: Pick<ServiceCtx, 'db' | 'access'>): Promise<TemplateFormOptions> {
  const [subscriptionIds, admins, providers] = await Promise.all([
    usableSubscriptionIds(ctx.db, ctx.access.org),
    listServiceProviderAdmins(ctx.db, ctx.access.org.id),
    ctx.db.select().from(pstnProviders).orderBy(asc(pstnProviders.name)),
  ]);
  return { subscriptionIds, subscriptionShared: ctx.access.org.kind === 'sub_partner', admins, pstnProviders: providers };
}
