// Each billing-report use case with the capability it needs (SPEC §1.2) and its input
// schema — declared once, so the server actions, the session routes and the tests all
// wire the same triple into runAuthorized/orgAction/sessionRoute.
import type { PartnerCapability } from '@/lib/auth/permissions';
import { createReport } from './create-report';
import { deleteReport } from './delete-report';
import { getReport } from './get-report';
import { listReports } from './list-reports';
import { listReportsSchema, reportIdSchema, reportRequestSchema } from './report-schema';

export const billingReportOps = {
  list: { capability: 'billing.reports.read', schema: listReportsSchema, handler: listReports },
  get: { capability: 'billing.reports.read', schema: reportIdSchema, handler: getReport },
  create: { capability: 'billing.reports.write', schema: reportRequestSchema, handler: createReport },
  delete: { capability: 'billing.reports.write', schema: reportIdSchema, handler: deleteReport },
} as const satisfies Record<string, { capability: PartnerCapability; schema: unknown; handler: unknown }>;
