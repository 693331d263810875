import type { BillingReportView } from '@/lib/billing/report-view';

export const REPORTS_PAGE_SIZE = 20;

export const reportsQueryKey = (orgId: string, offset?: number) =>
  offset === undefined ? ['billing-reports', orgId] : ['billing-reports', orgId, offset];

/** One page of the org's reports; asks for one extra row to know whether there are older ones. */
export async function fetchReports(orgId: string, offset: number): Promise<{ items: BillingReportView[] }> {
  const res = await fetch(`/api/orgs/${orgId}/billing/reports?offset=${offset}&max=${REPORTS_PAGE_SIZE + 1}`, { cache: 'no-store' });
  if (!res.ok) throw new Error((await res.json().catch(() => null))?.message ?? `Loading the reports failed (${res.status}).`);
  return res.json();
}
