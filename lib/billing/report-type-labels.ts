import type { ReportType } from '@/lib/domain/statuses';

/** The report types in words (issue 17.9): the API keeps `PARTNER`/`CUSTOMER`/`USER`, people read these. */
export const REPORT_TYPE_NAMES: Record<ReportType, string> = {
  PARTNER: 'Partner',
  CUSTOMER: 'Customer',
  USER: 'User',
};

/** What one row of each type stands for, shown with the name in the form and the list. */
export const REPORT_TYPE_ROWS: Record<ReportType, string> = {
  PARTNER: 'per package',
  CUSTOMER: 'per location',
  USER: 'per subscriber',
};

export const reportTypeLabel = (t: ReportType) => `${REPORT_TYPE_NAMES[t]} (${REPORT_TYPE_ROWS[t]})`;

/** "the Customer report", for sentences and accessible names. */
export const reportTypeName = (t: ReportType) => `${REPORT_TYPE_NAMES[t]} report`;
