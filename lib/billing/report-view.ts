import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { billingReports, orgs, users } from '@/db/schema';
import type { ReportStatus, ReportType } from '@/lib/domain/statuses';

/** A report as both doors show it (JSON-safe: dates are ISO strings). */
export interface BillingReportView {
  id: string;
  billingStartDate: string;
  billingEndDate: string;
  type: ReportType;
  status: ReportStatus;
  subPartnerOrgId: string | null;
  subPartnerName: string | null;
  created: string;
  createdBy: string | null;
  createdByEmail: string | null;
  completed: string | null;
  rowCount: number | null;
  byteSize: number | null;
  errors: { errorCode: number; description: string }[];
}

const subPartner = alias(orgs, 'report_sub_partner');

/** Reports with the names the views need, in one query (no N+1); callers add where/order. */
export function selectReports(db: DbOrTx) {
  return db
    .select({
      id: billingReports.id,
      billingStartDate: billingReports.billingStartDate,
      billingEndDate: billingReports.billingEndDate,
      type: billingReports.type,
      status: billingReports.status,
      subPartnerOrgId: billingReports.subPartnerOrgId,
      subPartnerName: subPartner.name,
      createdAt: billingReports.createdAt,
      createdBy: billingReports.createdBy,
      createdByEmail: users.email,
      completedAt: billingReports.completedAt,
      rowCount: billingReports.rowCount,
      byteSize: billingReports.byteSize,
      errors: billingReports.errors,
    })
    .from(billingReports)
    .leftJoin(subPartner, eq(subPartner.id, billingReports.subPartnerOrgId))
    .leftJoin(users, eq(users.id, billingReports.createdBy))
    .$dynamic();
}

type SelectedReport = Awaited<ReturnType<typeof selectReports>>[number];

export function toReportView(r: SelectedReport): BillingReportView {
  return {
    id: r.id,
    billingStartDate: r.billingStartDate,
    billingEndDate: r.billingEndDate,
    type: r.type,
    status: r.status,
    subPartnerOrgId: r.subPartnerOrgId,
    subPartnerName: r.subPartnerName,
    created: r.createdAt.toISOString(),
    createdBy: r.createdBy,
    createdByEmail: r.createdByEmail,
    completed: r.completedAt?.toISOString() ?? null,
    rowCount: r.rowCount,
    byteSize: r.byteSize,
    errors: r.errors,
  };
}
