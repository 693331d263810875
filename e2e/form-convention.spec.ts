// One form convention (issue 17, item 7): the wizards mark and lay out fields the same way,
// locales by name, uniqueness shown at the step that holds the value, a batch checked before
// it is sent, the customer administrator's name asked, addresses written per country.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

const tag = () => Math.random().toString(36).slice(2, 8);
const digits = (n: number) => String(Math.floor(Math.random() * 10 ** n)).padStart(n, '0');
const heading = (page: Page) => page.locator('#wizard-step-heading');
const label = (page: Page, text: string) => page.locator('label', { hasText: new RegExp(`^${text}`) });
/** A raw locale code as an option's text ("en_US"): never shown. */
const RAW_LOCALE = /\b[a-z]{2}_[A-Z]{2}\b/;

/** Server actions are POSTs carrying a Next-Action header: counted to prove a check stayed in the browser. */
function countServerActions(page: Page) {
  const seen = { n: 0 };
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.headers()['next-action']) seen.n++;
  });
  return seen;
}

test('both wizards: "Step n of m", "(required)" on required fields only, locales by name', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');

  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers/templates/new`);
  await expect(page.getByText('Step 1 of 6')).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(heading(page)).toHaveText('Primary settings');
  await expect(page.getByText('Step 2 of 6')).toBeVisible();
  await expect(label(page, 'Template name')).toHaveText('Template name (required)');
  // The marker is seen, not read: the accessible name stays the plain label.
  await expect(page.getByRole('textbox', { name: 'Template name', exact: true })).toHaveAttribute('aria-required', 'true');
  await page.getByLabel('Template name').fill(`Layout check ${tag()}`);
  await page.getByLabel('Country or region').selectOption('US');
  for (const next of ['Authentication', 'Wholesale calling', 'Common settings and calling settings']) {
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(heading(page)).toHaveText(next);
  }
  await expect(label(page, 'Brand name')).toHaveText('Brand name');
  const templateLanguages = await page.getByLabel('Default language').locator('option').allTextContents();
  expect(templateLanguages).toContain('English (United States)');
  expect(templateLanguages.filter((t) => RAW_LOCALE.test(t))).toEqual([]);

  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers/new`);
  await expect(page.getByText('Step 1 of 4')).toBeVisible();
  await expect(heading(page)).toHaveText('Customer information');
  await expect(label(page, 'Company name')).toHaveText('Company name (required)');
  await expect(label(page, 'External ID')).toHaveText('External ID');
  await expect(label(page, 'Administrator first name')).toHaveText('Administrator first name');
  const customerLanguages = await page.getByLabel('Language').locator('option').allTextContents();
  expect(customerLanguages).toContain('English (United States)');
  expect(customerLanguages.filter((t) => RAW_LOCALE.test(t))).toEqual([]);
});

test('a duplicate template name is shown at the name step’s Next, not at Submit', async ({ page }) => {
  await signIn(page, 'wholesale.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers/templates/new`);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(heading(page)).toHaveText('Primary settings');
  // Another case of a demo template's name: the server's pre-check answers on this Next.
  await page.getByLabel('Template name').fill('STANDARD CALLING – US');
  await page.getByLabel('Country or region').selectOption('US');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('name-error')).toHaveText('A template with this name already exists.');
  await expect(heading(page)).toHaveText('Primary settings');
  await expect(page.getByLabel('Template name')).toBeFocused();
  await expect(page.getByLabel('Template name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Template name')).toHaveValue('STANDARD CALLING – US');

  await page.getByLabel('Template name').fill(`Standard calling – US ${tag()}`);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(heading(page)).toHaveText('Authentication');
});

test('the same extension twice in one batch is flagged at its row before anything is sent', async ({ page }) => {
  const t = tag();
  const ext = `6${digits(5)}`;
  await signIn(page, 'admin@bluebird-bakery.test');
  await page.goto(`/o/${DEMO_ORG_IDS.bluebirdBakery}/users`);
  await page.getByRole('button', { name: 'Add users' }).click();
  await page.getByRole('button', { name: 'Add another user' }).click();
  for (const [i, first] of ['Ada', 'Ben'].entries()) {
    const row = page.getByTestId(`row-${i}`);
    await row.getByLabel('First name').fill(first);
    await row.getByLabel('Last name').fill(`Batch ${t}`);
    await row.getByLabel('Email').fill(`${first.toLowerCase()}-${t}@bluebird-bakery.test`);
    await row.getByLabel('Package').selectOption({ label: 'Webex Calling' });
    await row.getByLabel('Extension').fill(ext);
  }
  const actions = countServerActions(page);
  await page.getByRole('button', { name: 'Create users' }).click();
  await expect(page.getByTestId('rows-1-extension-error')).toHaveText('User 1 already has this extension at this location.');
  await expect(page.getByTestId('rows-0-extension-error')).toHaveCount(0);
  await expect(page.getByTestId('row-1').getByLabel('Extension')).toHaveAttribute('aria-invalid', 'true');
  expect(actions.n).toBe(0);

  // Fixed at its row, the error clears as typed and the batch goes through.
  await page
    .getByTestId('row-1')
    .getByLabel('Extension')
    .fill(`6${digits(5)}`);
  await expect(page.getByTestId('rows-1-extension-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Create users' }).click();
  await expect(page.getByTestId('toasts')).toContainText('2 users added.');
  expect(actions.n).toBeGreaterThan(0);
});

test('the administrator’s name is asked, shown in the customer’s users, and the US address reads "Seattle, WA 98101"', async ({ page }) => {
  // Creates a customer and waits for its provisioning (up to 30 s) before reading its users.
  test.setTimeout(120_000);
  const t = tag();
  const company = `E2E Pike Place Books ${t}`;
  const email = `owner-${t}@pike-books.test`;
  const last = `Lopez ${t}`;
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers/new`);
  await page.getByLabel('Company name').fill(company);
  await page.getByLabel('Administrator email').fill(email);
  await page.getByLabel('Administrator first name').fill('Maria');
  await page.getByLabel('Administrator last name').fill(last);
  await page.getByLabel('Onboarding template').selectOption({ label: 'Standard calling – US — PSTN: NorthStar Voice' });
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(heading(page)).toHaveText('Packages');
  await page.getByRole('checkbox', { name: /^Webex Calling/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(heading(page)).toHaveText('Headquarters location');
  // The template's country has states: the field says it is required.
  await expect(label(page, 'State/province')).toHaveText('State/province (required)');
  await page.getByLabel('Address line 1').fill('1 Pike St');
  await page.getByLabel('City').fill('Seattle');
  await page.getByLabel('State/province').fill('WA');
  await page.getByLabel('Postal code').fill('98101');
  await page.getByLabel('I confirm that this customer is in a location supported by Webex').check();
  await page.getByRole('button', { name: 'Next' }).click();

  const summary = page.getByTestId('wizard-summary');
  await expect(summary).toContainText(`Maria ${last}`);
  await expect(page.getByTestId('summary-address').locator('span')).toHaveText(['1 Pike St', 'Seattle, WA 98101', 'United States']);
  await page.getByRole('button', { name: 'Create customer' }).click();

  const panel = page.getByTestId('customer-panel');
  await expect(panel.getByRole('heading', { name: company })).toBeVisible();
  await expect(panel.getByTestId('customer-hq-address')).toContainText('Seattle, WA 98101');
  await expect(panel).toContainText(`Maria ${last} (${email})`);
  await expect(panel.getByTestId('customer-status')).toHaveAttribute('data-status', 'provisioned', { timeout: 30_000 });

  // The customer's own Users: the administrator by name, not a bare e-mail address.
  await panel.getByRole('link', { name: 'View customer' }).click();
  await expect(page).toHaveURL(/\/users$/);
  const admin = page.getByTestId('users-table').getByRole('row').filter({ hasText: email });
  await expect(admin).toContainText(`Maria ${last}`);
  // The headquarters on the customer's Locations page, written the same way.
  await page.goto(page.url().replace(/\/users$/, '/locations'));
  await expect(page.getByTestId('locations-table')).toContainText('Seattle, WA 98101');
});
