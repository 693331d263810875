import { z } from 'zod';
import { billingReportOps } from '@/lib/billing/report-operations';
import { listReportsSchema, reportIdSchema, reportRequestSchema } from '@/lib/billing/report-schema';
import type { BillingReportView } from '@/lib/billing/report-view';
import { REPORT_STATUSES, REPORT_TYPES } from '@/lib/domain/statuses';
import { defineEndpoint } from '../api-endpoint';
import { EXAMPLE_REPORT, EXAMPLE_REPORT_ID } from '../examples';

const reportSchema = z.object({
  id: z.uuid(),
  billingStartDate: z.string(),
  billingEndDate: z.string(),
  type: z.enum(REPORT_TYPES),
  created: z.string(),
  createdBy: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  subPartnerOrgId: z.uuid().nullable(),
  tempDownloadURL: z.string().optional(),
  errors: z.array(z.object({ errorCode: z.number(), description: z.string() })),
});

/** The report resource of SHAPES.md: createdBy is the creator's e-mail. */
const toResource = (r: BillingReportView, tempDownloadURL?: string | null) => ({
  id: r.id,
  billingStartDate: r.billingStartDate,
  billingEndDate: r.billingEndDate,
  type: r.type,
  created: r.created,
  createdBy: r.createdByEmail,
  status: r.status,
  subPartnerOrgId: r.subPartnerOrgId,
  errors: r.errors,
  ...(tempDownloadURL ? { tempDownloadURL } : {}),
});

const params = z.object({ reportId: reportIdSchema.shape.reportId });

export const createReportEndpoint = defineEndpoint({
  operationId: 'createBillingReport',
  method: 'POST',
  path: '/billing/reports',
  tag: 'Billing reports',
  summary: 'Request a billing report',
  description:
    'Generated asynchronously: poll GET /billing/reports/{id} until COMPLETED, then download tempDownloadURL (valid 30 minutes).',
  capability: billingReportOps.create.capability,
  body: reportRequestSchema.strict(),
  status: 200,
  response: z.object({ id: z.uuid(), billingStartDate: z.string(), billingEndDate: z.string(), type: z.enum(REPORT_TYPES) }),
  errorStatuses: [400, 409, 422],
  errorCodes: [10001, 10002, 10301, 10302, 10303],
  example: {
    request: { billingStartDate: '2026-01-01', billingEndDate: '2026-01-31', type: 'PARTNER' },
    response: { id: EXAMPLE_REPORT_ID, billingStartDate: '2026-01-01', billingEndDate: '2026-01-31', type: 'PARTNER' },
  },
  async run({ body, access, exec }) {
    const r = await exec(access, billingReportOps.create.capability, (ctx) => billingReportOps.create.handler(ctx, body));
    return { body: { id: r.id, billingStartDate: r.billingStartDate, billingEndDate: r.billingEndDate, type: r.type } };
  },
});

export const getReportEndpoint = defineEndpoint({
  operationId: 'getBillingReport',
  method: 'GET',
  path: '/billing/reports/{reportId}',
  tag: 'Billing reports',
  summary: 'Get a billing report',
  capability: billingReportOps.get.capability,
  params,
  status: 200,
  response: reportSchema,
  errorStatuses: [404],
  errorCodes: [2024],
  example: { response: EXAMPLE_REPORT },
  async run({ params: p, access, exec }) {
    const r = await exec(access, billingReportOps.get.capability, (ctx) => billingReportOps.get.handler(ctx, p));
    return { body: toResource(r, r.tempDownloadURL) };
  },
});

export const listReportsEndpoint = defineEndpoint({
  operationId: 'listBillingReports',
  method: 'GET',
  path: '/billing/reports',
  tag: 'Billing reports',
  summary: 'List billing reports',
  capability: billingReportOps.list.capability,
  query: listReportsSchema.strict(),
  status: 200,
  response: z.object({ items: z.array(reportSchema) }),
  errorStatuses: [400],
  errorCodes: [10001, 10002],
  example: { response: { items: [{ ...EXAMPLE_REPORT, tempDownloadURL: undefined }] } },
  async run({ query, access, exec }) {
    const q = query as z.output<typeof listReportsSchema>;
    const { items } = await exec(access, billingReportOps.list.capability, (ctx) => billingReportOps.list.handler(ctx, q));
    // A full page may have a next one (the service reads at most `max` rows).
    return { body: { items: items.map((r) => toResource(r)) }, page: { offset: q.offset, max: q.max, hasNext: items.length === q.max } };
  },
});

export const deleteReportEndpoint = defineEndpoint({
  operationId: 'deleteBillingReport',
  method: 'DELETE',
  path: '/billing/reports/{reportId}',
  tag: 'Billing reports',
  summary: 'Delete a billing report',
  description: 'Its download links stop working at once.',
  capability: billingReportOps.delete.capability,
  params,
  status: 204,
  errorStatuses: [404, 422],
  errorCodes: [2024],
  example: {},
  async run({ params: p, access, exec }) {
    await exec(access, billingReportOps.delete.capability, (ctx) => billingReportOps.delete.handler(ctx, p));
    return {};
  },
});
