import { eq } from 'drizzle-orm';
import { pstnProviders } from '@/db/schema';
import { ValidationError, type FieldErrors } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import { listServiceProviderAdmins } from './list-service-provider-admins';
import type { TemplateInput } from './template-schema';
import { usableSubscriptionIds } from './usable-subscription-ids';

/**
 * The rules of a template's references that need the database. Ids of another org's
 * subscription or admin are refused exactly like ids that don't exist, so a tampered
 * request learns nothing about other orgs.
 */
export async function assertTemplateReferences(
  ctx: Pick<ServiceCtx, 'db' | 'access'>,
  input: Pick<TemplateInput, 'subscriptionId' | 'serviceProviderAdminId' | 'pstnProviderId'>,
): Promise<void> {
  const org = ctx.access.org;
  const [subscriptionIds, admins, provider] = await Promise.all([
    usableSubscriptionIds(ctx.db, org),
    listServiceProviderAdmins(ctx.db, org.id, input.serviceProviderAdminId),
    input.pstnProviderId
      ? ctx.db
          .select({ id: pstnProviders.id })
          .from(pstnProviders)
          .where(eq(pstnProviders.id, input.pstnProviderId))
          .then((r) => r[0])
      : Promise.resolve(null),
  ]);
  const errors: FieldErrors = {};
  if (!subscriptionIds.includes(input.subscriptionId)) {
    errors.subscriptionId = [
      org.kind === 'sub_partner'
        ? 'Use the wholesale subscription your parent partner shares with you.'
        : "Choose one of your organisation's wholesale subscriptions.",
    ];
  }
  if (admins.length === 0) errors.serviceProviderAdminId = ['Choose a partner full or wholesale administrator of your organisation.'];
  if (input.pstnProviderId && !provider) errors.pstnProviderId = ['Choose a PSTN provider from the list, or none.'];
  if (Object.keys(errors).length) throw new ValidationError('Check the highlighted fields.', errors);
}
