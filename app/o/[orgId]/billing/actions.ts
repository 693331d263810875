'use server';
import { billingReportOps } from '@/lib/billing/report-operations';
import { orgAction } from '@/lib/server/org-action';

const { create, delete: remove } = billingReportOps;
export const createReportAction = orgAction(create.capability, create.schema, create.handler);
export const deleteReportAction = orgAction(remove.capability, remove.schema, remove.handler);
