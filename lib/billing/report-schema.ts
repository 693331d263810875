// The one set of zod schemas for billing reports, shared by the form (client) and the
// services (server). Date-window rules depend on "today", so that part is a factory:
// the browser passes its today, the server ctx.clock's — the server's answer wins.
import { z } from 'zod';
import { REPORT_STATUSES, REPORT_TYPES } from '@/lib/domain/statuses';
import { addYears, isIsoDate, REPORT_LOOKBACK_YEARS } from './report-dates';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export { REPORT_LOOKBACK_YEARS };

/** '' (an empty select or query param) means "not given". */
function blankable<T extends z.ZodType<string>>(schema: T) {
  return z
    .union([z.literal(''), schema])
    .optional()
    .transform((v) => (v === '' ? undefined : v));
}

const isoDate = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .refine(isIsoDate, `Enter the ${label} as a valid date (yyyy-mm-dd).`);

const orgId = z.string().regex(UUID, 'Choose a valid indirect provider.');

/** Formats only; createReportSchema(today) adds the period rules. */
export const reportRequestSchema = z.object({
  billingStartDate: isoDate('billing start date'),
  billingEndDate: isoDate('billing end date'),
  type: z.enum(REPORT_TYPES, { error: 'Choose PARTNER, CUSTOMER or USER.' }).default('PARTNER'),
  /** A parent partner's report about one of its indirect providers. */
  subPartnerOrgId: blankable(orgId),
});
export type ReportRequest = z.input<typeof reportRequestSchema>;

/** The full create rule set for a given UTC today (yyyy-mm-dd). */
export function createReportSchema(today: string) {
  const earliest = addYears(today, -REPORT_LOOKBACK_YEARS);
  return reportRequestSchema.superRefine((v, ctx) => {
    if (v.billingStartDate > v.billingEndDate) {
      ctx.addIssue({ code: 'custom', path: ['billingEndDate'], message: 'The billing end date must be on or after the start date.' });
    }
    if (v.billingStartDate >= today) {
      ctx.addIssue({ code: 'custom', path: ['billingStartDate'], message: 'The billing start date must be before today.' });
    } else if (v.billingStartDate < earliest) {
      ctx.addIssue({
        code: 'custom',
        path: ['billingStartDate'],
        message: `The billing start date can't be more than ${REPORT_LOOKBACK_YEARS} years ago (earliest ${earliest}).`,
      });
    }
    // Only whole days that have ended are billed: today is still running.
    if (v.billingEndDate >= today) {
      ctx.addIssue({
        code: 'custom',
        path: ['billingEndDate'],
        message: 'The billing end date must be before today (yesterday at the latest).',
      });
    }
  });
}

export const REPORT_SORTS = ['id', 'billingStartDate', 'billingEndDate', 'status'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

/** List filters match exactly (SPEC §7.2); no sortBy = newest first. */
export const listReportsSchema = z.object({
  billingStartDate: blankable(isoDate('billing start date')),
  billingEndDate: blankable(isoDate('billing end date')),
  type: blankable(z.enum(REPORT_TYPES, { error: 'Unknown report type.' })),
  status: blankable(z.enum(REPORT_STATUSES, { error: 'Unknown report status.' })),
  subPartnerOrgId: blankable(orgId),
  sortBy: blankable(z.enum(REPORT_SORTS, { error: `sortBy is one of ${REPORT_SORTS.join(', ')}.` })),
  offset: z.coerce.number().int().min(0, 'offset must be 0 or more.').default(0),
  max: z.coerce.number().int().min(1, 'max must be between 1 and 100.').max(100, 'max must be between 1 and 100.').default(100),
});
export type ListReportsInput = z.input<typeof listReportsSchema>;

/** A report by id; a malformed id is simply not found (404), like any unknown one. */
export const reportIdSchema = z.object({ reportId: z.string().max(100) });

export const isReportId = (v: string) => UUID.test(v);
