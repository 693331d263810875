// Every page of both shells renders real data for the right people.
import { expect, test } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

const nav = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Main' });

test('every Partner Hub page opens for a full admin', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  for (const label of ['Customers', 'Indirect providers', 'Billing', 'Analytics', 'Activity', 'Settings', 'Overview']) {
    await nav(page).getByRole('link', { name: label }).click();
    await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
  }
});

test('the customer list searches on the server', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await nav(page).getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('searchbox').fill('acme');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=acme/);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: 'Acme Dental' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Bluebird Bakery' })).toHaveCount(0);
});

test('the activity log filters by action', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/activity`);
  const table = page.getByTestId('activity-table');
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await page.getByLabel('Action').selectOption('customer.delete');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/action=customer.delete/);
  const cells = table.locator('tbody tr');
  const n = await cells.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await expect(cells.nth(i).getByTestId('activity-action')).toHaveText('Customer deleted');
});

test('settings show the org ID and the administrators with their roles', async ({ page }) => {
  await signIn(page, 'readonly@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/settings`);
  await expect(page.getByTestId('org ID-value')).toHaveText(DEMO_ORG_IDS.northwind);
  await expect(page.getByText('full.admin@northwind.test')).toBeVisible();
});

test('a read-only admin gets 404 for Indirect providers; sales admins get a permission message on Billing', async ({ page, browser }) => {
  await signIn(page, 'readonly@northwind.test');
  expect((await page.goto(`/o/${DEMO_ORG_IDS.northwind}/indirect-providers`))?.status()).toBe(404);
  const sales = await browser.newPage();
  await signIn(sales, 'sales@contoso.test');
  await sales.goto(`/o/${DEMO_ORG_IDS.contoso}/billing`);
  await expect(sales.getByTestId('forbidden')).toContainText("You don't have permission");
  await sales.close();
});

test('every customer-view section opens for a customer admin; RBPM disables Manage users', async ({ page }) => {
  await signIn(page, 'admin@acme-dental.test');
  for (const label of ['Workspaces', 'Locations', 'Account', 'Organisation settings', 'Calling', 'Services', 'Users']) {
    await nav(page).getByRole('link', { name: label }).click();
    await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
  }
  await expect(page.getByTestId('manage-users')).toBeDisabled();
  await expect(page.getByRole('table').getByText('admin@acme-dental.test')).toBeVisible();
});

test('the outbox lists sent e-mails', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto('/outbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
});
