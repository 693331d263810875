import { ConflictError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';

/** A suspended indirect provider can only delete customers (SPEC §8 provisioningState). */
export function assertOwnerActive(ctx: Pick<ServiceCtx, 'access'>) {
  if (ctx.access.org.state === 'suspended') {
    throw new ConflictError('This indirect provider is suspended: it can only delete customers.', undefined, 10413);
  }
}
