// SPEC §6 end to end: a parent partner works inside an indirect provider without switching
// accounts, then finds that provider's customer from its own list by explicit search.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { navLabels, signIn } from './support';

const next = (page: Page) => page.getByRole('button', { name: 'Next' }).click();
const step = (page: Page, title: string) =>
  expect(page.getByTestId('wizard-progress').locator('[aria-current="step"]')).toContainText(title);

test('full admin cross-launches into Fabrikam, creates a template and a customer there, and finds it back home', async ({ page }) => {
  const t = Math.random().toString(36).slice(2, 8);
  const template = `Fabrikam E2E ${t}`;
  const company = `Fabrikam E2E Client ${t}`;

  await signIn(page, 'full.admin@northwind.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Indirect providers' }).click();
  await page.getByRole('link', { name: 'Cross-launch into Fabrikam Networks' }).click();
  await expect(page.getByTestId('cross-launch-banner')).toContainText('Viewing Fabrikam Networks as Northwind Telecom administrator');

  // A template in Fabrikam: the parent's shared subscription is pre-filled and read-only.
  await page.goto(`/o/${DEMO_ORG_IDS.fabrikam}/customers/templates/new`);
  await page.getByLabel('Webex for Wholesale').check();
  await next(page);
  await step(page, 'Primary settings');
  await page.getByLabel('Template name').fill(template);
  await page.getByLabel('Country or region').selectOption('US');
  // Cross-launched, the administrator is one of Fabrikam's own partner admins.
  await page.getByLabel('Service provider administrator').selectOption({ index: 1 });
  await expect(page.getByLabel('Wholesale subscription')).toHaveValue('Sub-104221');
  await next(page);
  await step(page, 'Authentication');
  await next(page); // Webex authentication (default)
  await step(page, 'Wholesale calling');
  await page.getByLabel('Cloud Connected PSTN provider').selectOption('pstn-northstar');
  await next(page);
  await step(page, 'Common settings and calling settings');
  await next(page);
  await step(page, 'Summary');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: template })).toBeVisible();

  // A customer in Fabrikam from that template.
  await page.goto(`/o/${DEMO_ORG_IDS.fabrikam}/customers/new`);
  await page.getByLabel('Company name').fill(company);
  await page.getByLabel('Administrator email').fill(`owner-${t}@fabrikam-client.test`);
  await page.getByLabel('Onboarding template').selectOption({ label: `${template} — PSTN: NorthStar Voice` });
  await page.getByLabel('External ID').fill(`FAB-E2E-${t}`);
  await next(page);
  await page.getByRole('checkbox', { name: /^Webex Calling/ }).check();
  await next(page);
  await page.getByLabel('Address line 1').fill('1 Reseller Way');
  await page.getByLabel('City').fill('Portland');
  await page.getByLabel('State/province').fill('OR');
  await page.getByLabel('Postal code').fill('97201');
  await page.getByLabel('I confirm that this customer is in a location supported by Webex').check();
  await next(page);
  await page.getByRole('button', { name: 'Create customer' }).click();
  const panel = page.getByTestId('customer-panel');
  await expect(panel.getByTestId('customer-status')).toHaveAttribute('data-status', 'provisioned', { timeout: 30_000 });

  // Back home: not listed by default, found by the explicit indirect search with its owner.
  await page.keyboard.press('Escape'); // close the customer drawer
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers`);
  await page.getByRole('searchbox').fill(company);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('customer-row').filter({ hasText: company })).toHaveCount(0);
  await page.getByLabel('Include indirect providers’ customers').check();
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByTestId('customer-row').filter({ hasText: company });
  await expect(row).toContainText('Fabrikam Networks');

  // Straight into that customer's view, managed for Northwind.
  await row.getByRole('link', { name: company }).click();
  await expect(page.getByTestId('cross-launch-banner')).toContainText(`You are managing ${company} for Northwind Telecom`);
  expect(await navLabels(page)).toContain('Users');

  // Audited with the acting parent admin, in the sub-partner's activity.
  await page.goto(`/o/${DEMO_ORG_IDS.fabrikam}/activity?action=template.create`);
  await expect(page.getByTestId('activity-table').getByRole('row').filter({ hasText: template })).toContainText('Northwind Telecom');
});

test('wholesale.admin@northwind.test does not see the Indirect providers tab', async ({ page }) => {
  await signIn(page, 'wholesale.admin@northwind.test');
  expect(await navLabels(page)).not.toContain('Indirect providers');
  expect((await page.goto(`/o/${DEMO_ORG_IDS.northwind}/indirect-providers`))?.status()).toBe(404);
});
