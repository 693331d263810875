// Trials (SPEC §9) as users: a sales full admin starts a trial and sees "30 days left";
// a sales admin doesn't see a colleague's trial; Northwind (wholesale) has no Start trial and no Trials.
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

const contoso = `/o/${DEMO_ORG_IDS.contoso}`;

test('a sales full admin starts a trial for a new customer and sees "30 days left"', async ({ page }) => {
  const company = `E2E Trial ${randomBytes(3).toString('hex')}`;
  await signIn(page, 'sales.full@contoso.test');
  await page.goto(`${contoso}/customers`);
  await page.getByRole('link', { name: 'Start trial' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start trial' })).toBeVisible();
  await page.getByLabel('Company name').fill(company);
  await page.getByLabel('Administrator email').fill(`admin-${randomBytes(3).toString('hex')}@e2e-trial.test`);
  await page.getByLabel('Business vertical').selectOption('Technology');
  await page.getByLabel('Address line 1').fill('1 Main Street');
  await page.getByLabel('City').fill('Springfield');
  await page.getByLabel('State/province').fill('IL');
  await page.getByLabel('Postal code').fill('62701');
  await page.getByLabel('The customer is in a location supported by Webex.').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Calling').check();
  await page.getByLabel('Messaging').check();
  await expect(page.getByLabel('Trial length')).toHaveValue('30');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/customers\?customer=/);
  const row = page.getByTestId('customer-row').filter({ hasText: company });
  await expect(row.getByTestId('trial-tag')).toContainText('Trial');
  await expect(row.getByTestId('trial-tag')).toContainText('30 days left');
  await expect(page.getByTestId('trial-section')).toContainText('30 days left');
});

test('a sales admin does not see a colleague’s trial', async ({ page }) => {
  await signIn(page, 'sales@contoso.test');
  await page.goto(`${contoso}/trials`);
  await expect(page.getByRole('heading', { level: 1, name: 'Trials' })).toBeVisible();
  const table = page.getByTestId('trials-table');
  await expect(table).toContainText('Bayview Medical Group');
  await expect(table).not.toContainText('Alpine Analytics');
  await page.goto(`${contoso}/customers`);
  await expect(page.getByTestId('customers-table')).not.toContainText('Alpine Analytics');
});

test('Northwind (wholesale) has no Start trial and no Trials', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers`);
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Start trial' })).toHaveCount(0);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Trials' })).toHaveCount(0);
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/trials`);
  await expect(page.getByText("You don't have permission to do this.")).toBeVisible();
});
