'use server';
import { billingReportOps } from '@/lib/billing/report-operations';
import type { ReportRequest } from '@/lib/billing/report-schema';
import { orgAction } from '@/lib/server/org-action';

const { create, delete: remove } = billingReportOps;
const createAction = orgAction(create.capability, create.schema, create.handler);
const deleteAction = orgAction(remove.capability, remove.schema, remove.handler);

export async function createReportAction(orgId: string, input: ReportRequest) {
  return createAction(orgId, input);
}

export async function deleteReportAction(orgId: string, reportId: string) {
  return deleteAction(orgId, { reportId });
}
