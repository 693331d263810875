// The customer panel's data, polled by the list and the panel while a job works on the
// customer (SPEC §4.1 "progress live, without reload"). Session-authenticated.
import { customerIdSchema } from '@/lib/customers/customer-id-schema';
import { getCustomerDetail } from '@/lib/customers/get-customer-detail';
import { sessionRoute } from '@/lib/server/session-route';

export const dynamic = 'force-dynamic';

export const GET = sessionRoute('customers.read', customerIdSchema, (ctx, input) =>
  getCustomerDetail(ctx.db, ctx.access, input.customerId),
);
