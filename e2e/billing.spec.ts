// Billing reports as users: a full admin creates a CUSTOMER report for last month, sees
// it complete without reloading, downloads and checks the CSV; a read-only admin can
// download but not create or delete; the full admin deletes it through the dialog.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { parseCsv } from '../tests/integration/support/csv';
import { signIn } from './support';

test.describe.configure({ mode: 'serial' });

const billing = `/o/${DEMO_ORG_IDS.northwind}/billing`;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const now = new Date();
const lastMonthStart = iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));
const lastMonthEnd = iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)));
const daysLastMonth = Number(lastMonthEnd.slice(8));
const reportRow = (page: Page) =>
  page.locator(`[data-testid="report-row"][data-type="CUSTOMER"][data-period="${lastMonthStart}/${lastMonthEnd}"]`);

async function deleteThroughDialog(page: Page) {
  await reportRow(page)
    .getByRole('button', { name: /^Delete/ })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Delete billing report?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Delete report' }).click();
  await expect(dialog).toBeHidden();
  await expect(reportRow(page)).toHaveCount(0);
}

test('a full admin creates a CUSTOMER report, watches it complete and downloads the CSV', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(billing);
  await expect(page.getByRole('heading', { level: 1, name: 'Billing' })).toBeVisible();
  await expect(page.getByTestId('subscriptions')).toBeVisible();
  await expect(page.getByRole('img', { name: /Daily quantity per package/ })).toBeVisible();
  // A re-run against a reused server: clear last run's report first.
  if (await reportRow(page).count()) await deleteThroughDialog(page);

  // The form refuses today on the client (same zod rules as the server).
  await page.getByLabel('Billing start date').fill(lastMonthStart);
  await page.getByLabel('Billing end date').fill(iso(now));
  await page.getByRole('button', { name: 'Create report' }).click();
  await expect(page.getByText('The billing end date must be before today')).toBeVisible();

  await page.getByLabel('Billing end date').fill(lastMonthEnd);
  await page.getByLabel('Report type').selectOption('CUSTOMER');
  await expect(page.getByLabel('Indirect provider')).toBeVisible();
  await page.getByRole('button', { name: 'Create report' }).click();
  await expect(reportRow(page)).toHaveCount(1);
  // Live status: the list polls; no reload.
  await expect(reportRow(page)).toHaveAttribute('data-status', 'COMPLETED', { timeout: 45_000 });

  const downloadEvent = page.waitForEvent('download');
  await reportRow(page)
    .getByRole('button', { name: /^Download/ })
    .click();
  const download = await downloadEvent;
  expect(download.suggestedFilename()).toBe(`billing-report-customer-${lastMonthStart}-to-${lastMonthEnd}.csv`);
  const [header, ...rows] = parseCsv(await readFile((await download.path())!, 'utf8'));
  expect(header).toEqual([
    'PARTNER_NAME',
    'PARTNER_ORG_ID',
    'SUBSCRIPTION_ID',
    'SERVICE_NAME',
    'SKU',
    'DESCRIPTION',
    'CONSUMPTION_START_DATE',
    'CONSUMPTION_END_DATE',
    'QUANTITY',
    'CUSTOMER_ORG_ID',
    'CUSTOMER_EXTERNAL_ID',
    'LOCATION_ID',
  ]);
  expect(rows.length).toBeGreaterThan(10);
  expect(rows.every((r) => r[0] === 'Northwind Telecom' && r[1] === DEMO_ORG_IDS.northwind)).toBe(true);
  // Acme Dental (12 users and a branch location, provisioned a year ago) billed last month.
  const acme = rows.filter((r) => r[9] === DEMO_ORG_IDS.acmeDental);
  expect(acme.length).toBeGreaterThan(0);
  const quantities = acme.map((r) => Number(r[8]));
  expect(quantities.every((q) => q > 0)).toBe(true);
  const total = quantities.reduce((a, q) => a + q, 0);
  // At least the administrator for the whole month; at most 12 users and 2 workspaces every day.
  expect(total).toBeGreaterThanOrEqual(daysLastMonth);
  expect(total).toBeLessThanOrEqual(14 * daysLastMonth);
  expect(acme.every((r) => r[6] >= lastMonthStart && r[7] <= lastMonthEnd && r[6] <= r[7])).toBe(true);
  // Indirect providers' customers are not in Northwind's own report.
  expect(rows.some((r) => r[9] === DEMO_ORG_IDS.fabrikam)).toBe(false);
});

test('a read-only admin sees the report and Download, but no Create report or Delete', async ({ page }) => {
  await signIn(page, 'readonly@northwind.test');
  await page.goto(billing);
  await expect(reportRow(page)).toHaveAttribute('data-status', 'COMPLETED');
  await expect(reportRow(page).getByRole('button', { name: /^Download/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create report' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  const downloadEvent = page.waitForEvent('download');
  await reportRow(page)
    .getByRole('button', { name: /^Download/ })
    .click();
  expect((await downloadEvent).suggestedFilename()).toMatch(/\.csv$/);
});

test('the full admin deletes it after confirming; Escape cancels', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(billing);
  await reportRow(page)
    .getByRole('button', { name: /^Delete/ })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Delete billing report?' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(reportRow(page)).toHaveCount(1);
  await deleteThroughDialog(page);
});

test('cross-launched into an indirect provider, billing is not available', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.fabrikam}/billing`);
  await expect(page.getByTestId('forbidden')).toContainText('Not available when cross-launched.');
});
