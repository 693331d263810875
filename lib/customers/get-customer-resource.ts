import type { z } from 'zod';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import type { customerIdSchema } from './customer-id-schema';
import { customerResources } from './customer-resource';
import { getCustomerOrThrow } from './get-customer-or-throw';

/** One of the acting org's customers in the API's shape (404 outside its reach). */
export async function getCustomerResource(ctx: ServiceCtx, input: z.output<typeof customerIdSchema>) {
  const row = await getCustomerOrThrow(ctx.db, ctx.access, input.customerId);
  const [resource] = await customerResources(ctx.db, [row.id]);
  return resource;
}
