// The command bar's search, declared once per kind of org (issue 17, item 10). A partner org
// and a customer's view have different read capabilities in the policy table, so each gets
// its own use case and session route; both run the same service.
import { z } from 'zod';
import type { UseCaseTable } from '@/lib/platform/use-case';
import { searchCommandBar } from './search-command-bar';

/** The bar's query: a name (or part of one); longer input is refused, not cut. */
export const commandSearchSchema = z.object({ q: z.string().max(100, 'Search for at most 100 characters.').default('') });

export const commandBarOps = {
  /** Partner Hub (partners, indirect providers, cross-launched): pages, customers, indirect providers, templates. */
  partner: { capability: 'org.read', schema: commandSearchSchema, handler: searchCommandBar },
  /** A customer's view (its own admins, or a partner managing it): its pages. */
  customerView: { capability: 'cv.read', schema: commandSearchSchema, handler: searchCommandBar },
} as const satisfies UseCaseTable;
