// Set up customer (SPEC §4.4) and the customer view under Restricted by Partner Mode (§5.2),
// end to end: a partner admin sets a customer up; customer admins with RBPM on and off.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

const tag = () => Math.random().toString(36).slice(2, 8);
const digits = (n: number) => String(Math.floor(Math.random() * 10 ** n)).padStart(n, '0');
const heading = (page: Page) => page.locator('#wizard-step-heading');

test('a partner full admin sets up a customer: a second location and three users, one with extension and number', async ({ page }) => {
  const t = tag();
  const customer = 'Silverline Architects';
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers?q=${encodeURIComponent(customer)}`);
  await page.getByRole('table').getByRole('link', { name: customer }).click();
  const panel = page.getByTestId('customer-panel');
  await panel.getByRole('link', { name: 'Set up customer' }).click();
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('navigation', { name: 'Progress' }).locator('[aria-current="step"]')).toContainText(
    'Add and verify locations',
  );

  // 1 — locations: HQ listed, add a branch.
  await expect(page.getByTestId('setup-locations')).toContainText('(headquarters)');
  await page.getByRole('button', { name: 'Add location' }).click();
  const loc = page.getByTestId('add-location-form');
  const branch = `Branch ${t}`;
  await loc.getByLabel('Location name').fill(branch);
  await loc.getByLabel('Address line 1').fill('5 Harbour Way');
  await loc.getByLabel('City').fill('Portland');
  await loc.getByLabel('State/province').fill('OR');
  await loc.getByLabel('Postal code').fill('97201');
  await loc.getByLabel('Time zone').selectOption('America/Los_Angeles');
  await loc.getByRole('button', { name: 'Add location' }).click();
  await expect(page.getByTestId('setup-locations')).toContainText(branch);
  await page.getByRole('button', { name: 'Next' }).click();

  // 2 — users: Next validates the step first.
  await expect(heading(page)).toContainText('Add users');
  await expect(heading(page)).toBeFocused();
  await page.getByRole('button', { name: 'Add another user' }).click();
  await page.getByRole('button', { name: 'Add another user' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('rows-0-firstName-error')).toHaveText('Enter the first name.');
  const people = [
    { first: 'Sam', last: `Suite ${t}`, pkg: 'Webex Suite', location: null },
    { first: 'Cal', last: `Calling ${t}`, pkg: 'Webex Calling', location: null },
    { first: 'Bo', last: `Branch ${t}`, pkg: 'Webex Calling', location: branch },
  ];
  for (const [i, p] of people.entries()) {
    const row = page.getByTestId(`row-${i}`);
    await row.getByLabel('First name').fill(p.first);
    await row.getByLabel('Last name').fill(p.last);
    await row.getByLabel('Email').fill(`${p.first.toLowerCase()}-${t}@silverline.test`);
    await row.getByLabel('Package').selectOption({ label: p.pkg });
    if (p.location) await row.getByLabel('Location').selectOption({ label: p.location });
  }
  await page.getByRole('button', { name: 'Next' }).click();

  // 3 — phone numbers: calling users need an extension and/or a number.
  await expect(heading(page)).toContainText('Phone numbers');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('rows-0-extension-error')).toContainText('needs an extension and/or a primary phone number');
  const number = `+1503${digits(7)}`;
  await page
    .getByTestId('row-0')
    .getByLabel('Extension')
    .fill(`7${digits(5)}`);
  await page.getByTestId('row-0').getByLabel('Primary phone number').fill(number);
  await page
    .getByTestId('row-1')
    .getByLabel('Extension')
    .fill(`7${digits(5)}`);
  // The same number twice: the server gives it to the first row and refuses the second.
  await page.getByTestId('row-1').getByLabel('Primary phone number').fill(number);
  await page
    .getByTestId('row-2')
    .getByLabel('Extension')
    .fill(`7${digits(5)}`);
  await page.getByRole('button', { name: 'Next' }).click();

  // 4 — review → Create users, with a per-row outcome.
  await expect(heading(page)).toContainText('Review');
  const review = page.getByTestId('setup-review');
  await expect(review).toContainText(number);
  await expect(review).toContainText(branch);
  await page.getByRole('button', { name: 'Create users' }).click();
  await expect(page.getByTestId('review-row-0')).toContainText('Created');
  await expect(page.getByTestId('review-row-2')).toContainText('Created');
  await expect(page.getByTestId('review-row-1')).toContainText('This phone number is already in use.');

  // Fix jumps back to the failing step; the retry creates only that row.
  await page.getByTestId('review-row-1').getByRole('button', { name: 'Fix' }).click();
  await expect(heading(page)).toContainText('Phone numbers');
  await page.getByTestId('row-1').getByLabel('Primary phone number').fill('');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Create users' }).click();
  for (const i of [0, 1, 2]) await expect(page.getByTestId(`review-row-${i}`)).toContainText('Created');
  await page.getByRole('link', { name: 'Done' }).click();

  await expect(page).toHaveURL(/\/users$/);
  await page.getByRole('searchbox').fill(t);
  await page.getByRole('button', { name: 'Search' }).click();
  const table = page.getByTestId('users-table');
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row').filter({ hasText: `Sam Suite ${t}` })).toContainText(number);
  await expect(table.getByRole('row').filter({ hasText: `Bo Branch ${t}` })).toContainText(branch);
});

test('under RBPM a customer admin sees the banner, a disabled Manage users and no Add users or Change package', async ({ page }) => {
  await signIn(page, 'admin@acme-dental.test');
  await page.goto(`/o/${DEMO_ORG_IDS.acmeDental}/users`);
  await expect(page.getByTestId('rbpm-banner')).toContainText('Your partner has restricted some settings');
  await expect(page.getByTestId('manage-users')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Add users' })).toHaveCount(0);
  // Each row's one Actions menu offers only Edit: no Change package, no Remove.
  await page
    .getByRole('button', { name: /^Actions for / })
    .first()
    .click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toHaveCount(1);
  await expect(page.getByRole('menuitem', { name: /^Change package/ })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: /^Remove/ })).toHaveCount(0);
  // Names stay editable; the primary work number is read only.
  await menu.getByRole('menuitem', { name: /^Edit / }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('First name')).toBeEditable();
  await expect(dialog.getByLabel('Primary work number')).not.toBeEditable();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.goto(`/o/${DEMO_ORG_IDS.acmeDental}/setup`);
  await expect(page.getByTestId('forbidden')).toBeVisible();
});

test('with RBPM off a customer admin adds a user and changes their package', async ({ page }) => {
  const t = tag();
  await signIn(page, 'admin@bluebird-bakery.test');
  await page.goto(`/o/${DEMO_ORG_IDS.bluebirdBakery}/users`);
  await expect(page.getByTestId('rbpm-banner')).toHaveCount(0);
  await page.getByRole('button', { name: 'Add users' }).click();
  const row = page.getByTestId('row-0');
  await row.getByLabel('First name').fill('Pat');
  await row.getByLabel('Last name').fill(`Baker ${t}`);
  await row.getByLabel('Email').fill(`pat-${t}@bluebird-bakery.test`);
  await row.getByLabel('Package').selectOption({ label: 'Webex Calling' });
  await row.getByLabel('Extension').fill(`8${digits(5)}`);
  await page.getByRole('button', { name: 'Create users' }).click();
  await expect(page.getByTestId('toasts')).toContainText('1 user added.');

  await page.getByRole('searchbox').fill(t);
  await page.getByRole('button', { name: 'Search' }).click();
  const user = page
    .getByTestId('users-table')
    .getByRole('row')
    .filter({ hasText: `Pat Baker ${t}` });
  await expect(user).toContainText('Webex Calling');
  await user.getByRole('button', { name: `Actions for Pat Baker ${t}` }).click();
  await user.getByRole('menuitem', { name: `Change package of Pat Baker ${t}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Package').selectOption({ label: 'Enhanced Calling' });
  await dialog.getByRole('button', { name: 'Change package' }).click();
  await expect(page.getByTestId('toasts')).toContainText('now has Enhanced Calling');
  await expect(user).toContainText('Enhanced Calling');
});

test('a customer still provisioning offers no set-up yet', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers?status=provisioning`);
  await page.getByTestId('customer-row').first().getByRole('link').first().click();
  const panel = page.getByTestId('customer-panel');
  const view = panel.getByRole('link', { name: 'View customer' });
  await expect(view).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Set up customer' })).toHaveCount(0);
  // Opened directly, the wizard explains instead of offering changes the server refuses.
  await page.goto((await view.getAttribute('href'))!.replace(/\/users$/, '/setup'));
  await expect(page.getByText('Nothing to set up yet')).toBeVisible();
  await expect(page.getByText('users can be set up once its services are active')).toBeVisible();
});
