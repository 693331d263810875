import type { z } from 'zod';
import { DomainError } from '@/lib/platform/errors';
import type { ServiceCtx } from '@/lib/platform/service-ctx';
import type { customersRbpmSchema } from './customer-id-schema';
import { getCustomerOrThrow } from './get-customer-or-throw';
import { setCustomerRbpm } from './set-customer-rbpm';

export type BulkRbpmOutcome =
  { customerId: string; ok: true; rbpm: boolean; changed: boolean } | { customerId: string; ok: false; message: string };

/**
 * Restricted by Partner Mode on or off for a selection of the list (SPEC §5.1, issue 17.5).
 * Tenancy is all-or-nothing: every id must be one of the acting org's own customers, or the
 * whole request is a 404 before anything changes (an id reveals nothing, as for the single
 * toggle). Then each customer goes through the single toggle's service — its rules, its
 * audit entry with before/after, its e-mail to the customer's administrators — in its own
 * savepoint, so one refusal (an org attached through the API) is reported for its row and
 * the others still apply. A deprovisioned customer has nothing left to restrict: its row
 * says so and it is left as it is, as the panel does.
 */
export async function setCustomersRbpm(ctx: ServiceCtx, input: z.output<typeof customersRbpmSchema>): Promise<BulkRbpmOutcome[]> {
  const rows = [];
  for (const id of input.customerIds) rows.push(await getCustomerOrThrow(ctx.db, ctx.access, id));

  const outcomes: BulkRbpmOutcome[] = [];
  for (const row of rows) {
    if (row.status === 'deprovisioned') {
      outcomes.push({ customerId: row.id, ok: false, message: 'Not applicable: the customer is deprovisioned.' });
      continue;
    }
    try {
      const r = await ctx.db.transaction((tx) => setCustomerRbpm({ ...ctx, db: tx }, { customerId: row.id, rbpm: input.rbpm }));
      outcomes.push({ customerId: row.id, ok: true, rbpm: r.rbpm, changed: row.rbpm !== r.rbpm });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      outcomes.push({ customerId: row.id, ok: false, message: err.message });
    }
  }
  return outcomes;
}
