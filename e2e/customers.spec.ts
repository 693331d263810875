// Customers end to end (SPEC §4.1–4.3, §5.1): the create wizard with the server's
// pre-check, live provisioning without reload, the RBPM switch, and read-only admins.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

const tag = () => Math.random().toString(36).slice(2, 8);
const heading = (page: Page) => page.locator('#wizard-step-heading');

async function openCustomer(page: Page, name: string) {
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers?q=${encodeURIComponent(name)}`);
  await page.getByRole('table').getByRole('link', { name }).click();
  const panel = page.getByTestId('customer-panel');
  await expect(panel.getByRole('heading', { name })).toBeVisible();
  return panel;
}

test('a full admin creates a customer: the pre-check flags taken values at their fields, and the customer turns Active live', async ({
  page,
}) => {
  const t = tag();
  const company = `E2E Harbour Cafe ${t}`;
  await signIn(page, 'full.admin@northwind.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'Create customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create customer' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Progress' }).locator('[aria-current="step"]')).toContainText('Customer information');

  // Step 1, with an external ID and an administrator e-mail that already exist.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('error-companyName')).toHaveText('Enter the company name.');
  await page.getByLabel('Company name').fill(company);
  await page.getByLabel('Administrator email').fill('admin@acme-dental.test');
  await page.getByLabel('Onboarding template').selectOption({ label: 'Standard calling – US — PSTN: NorthStar Voice' });
  await page.getByLabel('External ID').fill('NW-1001');
  await page.getByRole('button', { name: 'Next' }).click();

  // The server's pre-check runs on this step's Next: both problems at their fields, on step 1, values kept.
  await expect(page.getByTestId('error-externalId')).toHaveText('This external ID is already used by another of your customers.');
  await expect(page.getByTestId('error-adminEmail')).toHaveText('The email is already associated with an existing user.');
  await expect(heading(page)).toContainText('Customer information');
  await expect(page.getByLabel('External ID')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Company name')).toHaveValue(company);
  await page.getByLabel('External ID').fill(`E2E-${t}`);
  await page.getByLabel('Administrator email').fill(`owner-${t}@harbour-cafe.test`);
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 2: only the template's packages; keyboard works (Space ticks a checkbox).
  await expect(heading(page)).toContainText('Packages');
  await expect(heading(page)).toBeFocused();
  await page.getByRole('checkbox', { name: /^Webex Calling/ }).check();
  await page.getByRole('checkbox', { name: /^Webex Meetings/ }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 3: the headquarters; the country comes from the template.
  await expect(heading(page)).toContainText('Headquarters location');
  await expect(page.getByLabel('Country')).toHaveValue('US');
  await page.getByLabel('Address line 1').fill('12 Pier Road');
  await page.getByLabel('City').fill('Seattle');
  await page.getByLabel('State/province').fill('WA');
  await page.getByLabel('Postal code').fill('98101');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('error-confirmSupportedLocation')).toContainText(
    'Confirm that the customer is in a location supported by Webex',
  );
  await page.getByLabel('I confirm that this customer is in a location supported by Webex').check();
  await page.getByRole('button', { name: 'Next' }).click();

  // Summary, with Edit per section that returns to the summary.
  const summary = page.getByTestId('wizard-summary');
  await expect(summary).toContainText(company);
  await expect(summary).toContainText(`E2E-${t}`);
  await expect(summary).toContainText('Webex Calling, Webex Meetings');
  await page.getByRole('button', { name: 'Edit headquarters location' }).click();
  await page.getByLabel('Address line 2').fill('Suite 4');
  await page.getByRole('button', { name: 'Back to summary' }).click();
  // Written as a US address is: "Seattle, WA 98101" under the street lines.
  await expect(page.getByTestId('summary-address').locator('span')).toHaveText([
    '12 Pier Road',
    'Suite 4',
    'Seattle, WA 98101',
    'United States',
  ]);

  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page).toHaveURL(/\/customers\?customer=/);
  const panel = page.getByTestId('customer-panel');
  await expect(panel.getByRole('heading', { name: company })).toBeVisible();
  // A marker on the window: a reload would wipe it. The status must turn Active without one.
  await page.evaluate(() => {
    (window as unknown as { __noReload: boolean }).__noReload = true;
  });
  await expect(panel.getByTestId('customer-status')).toHaveAttribute('data-status', 'provisioned', { timeout: 30_000 });
  await expect(panel.getByTestId('customer-status')).toHaveText('Active');
  const row = page.getByTestId('customer-row').filter({ hasText: company });
  await expect(row.getByTestId('customer-status')).toHaveText('Active');
  await expect(panel.getByTestId('provisioning-log')).toContainText('Provisioning completed');
  await expect(panel.getByTestId('users-by-package')).toContainText('Webex Calling');
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
});

test('a full admin toggles Restricted by Partner Mode in the panel; it persists after reload', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  const panel = await openCustomer(page, 'Kestrel Accounting');
  const toggle = panel.getByRole('switch', { name: 'Restricted by Partner Mode' });
  await expect(toggle).toBeEnabled();
  const before = (await toggle.getAttribute('aria-checked')) === 'true';
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', String(!before));
  await expect(page.getByTestId('toasts')).toContainText(`Restricted by Partner Mode turned ${before ? 'off' : 'on'}`);
  await page.reload();
  const again = page.getByTestId('customer-panel').getByRole('switch', { name: 'Restricted by Partner Mode' });
  await expect(again).toHaveAttribute('aria-checked', String(!before));
  // The list agrees, and the state is put back for other tests.
  await again.click();
  await expect(again).toHaveAttribute('aria-checked', String(before));
});

test('a read-only admin sees the list and the panel, but no Create customer, Delete or enabled switch', async ({ page }) => {
  await signIn(page, 'readonly@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers`);
  await expect(page.getByTestId('customers-table').getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create customer' })).toHaveCount(0);
  const panel = await openCustomer(page, 'Pinecrest Realty');
  await expect(panel.getByTestId('customer-status')).toHaveText('Error');
  await expect(panel.getByRole('switch', { name: 'Restricted by Partner Mode' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(panel.getByRole('link', { name: 'View customer' })).toBeVisible();
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers/new`);
  await expect(page.getByTestId('forbidden')).toContainText("You don't have permission");
});

test('a parent searches its indirect providers’ customers only with a query, and sees who owns them', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers`);
  await expect(page.getByRole('table')).not.toContainText('Redwood Realty Group');
  await page.getByLabel('Include indirect providers’ customers').check();
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('Enter a search to include indirect providers’ customers')).toBeVisible();
  await page.getByRole('searchbox').fill('redwood');
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('table').getByRole('row').filter({ hasText: 'Redwood Realty Group' });
  await expect(row).toContainText('Fabrikam Networks');
  await row.getByRole('link', { name: 'Redwood Realty Group' }).click();
  await expect(page.getByTestId('cross-launch-banner')).toContainText('Redwood Realty Group');
});
