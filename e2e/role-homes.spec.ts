// Issue 17.8: each role lands on what it acts on.
import { expect, test } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

test('a wholesale full admin lands on the customers in Error and under review, each with its action', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await expect(page).toHaveURL(/\/overview$/);
  const failed = page.getByTestId('attention-error');
  await expect(failed).toContainText('Pinecrest Realty');
  await expect(page.getByTestId('attention-review')).toContainText('Crimson Vortex Industries');
  await failed.getByRole('link', { name: 'Retry or delete Pinecrest Realty' }).click();
  const panel = page.getByTestId('customer-panel');
  await expect(panel.getByRole('heading', { name: 'Pinecrest Realty' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Retry' })).toBeVisible();
});

test('a status on the Overview opens the list filtered by it', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page
    .getByTestId('customers-by-status')
    .getByRole('link', { name: /Pending compliance review/ })
    .click();
  await expect(page).toHaveURL(/\/customers\?status=pending_rpl_review/);
  await expect(page.getByTestId('customers-table')).toContainText('Crimson Vortex Industries');
});

test('a sales admin sees trials expiring soon, not wholesale cards that do not apply', async ({ page }) => {
  await signIn(page, 'sales.full@contoso.test');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Trials expiring soon' })).toBeVisible();
  await expect(page.getByText('Trials expiring in 7 days')).toBeVisible();
  await expect(page.getByText('Onboarding templates')).toHaveCount(0);
  await expect(page.getByText('Indirect providers')).toHaveCount(0);
  await expect(page.getByText('Active seats')).toHaveCount(0);
});

test('a read-only admin sees the same customers with View, not actions it may not take', async ({ page }) => {
  await signIn(page, 'readonly@northwind.test');
  const failed = page.getByTestId('attention-error');
  await expect(failed.getByRole('link', { name: 'View Pinecrest Realty' })).toBeVisible();
  await expect(failed.getByRole('link', { name: /Retry or delete/ })).toHaveCount(0);
});

test('a customer admin under RBPM lands on Home: the mode is on, what it restricts, who manages them, what is left to do', async ({
  page,
}) => {
  await signIn(page, 'admin@acme-dental.test');
  await expect(page).toHaveURL(new RegExp(`/o/${DEMO_ORG_IDS.acmeDental}/home$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  const rbpm = page.getByTestId('rbpm-state');
  await expect(rbpm).toContainText('On');
  await expect(rbpm).toContainText('Northwind Telecom has turned it on: these settings are read only for you');
  const restricted = page.getByTestId('rbpm-restrictions');
  await expect(restricted).toContainText("Users: adding users and changing users' packages and services");
  await expect(restricted).toContainText('Account: the company name');
  await expect(restricted).toContainText('Services: migrations and connected UC');
  await expect(page.getByTestId('managed-by')).toContainText('Northwind Telecom manages the Webex services of Acme Dental');
  // Under RBPM names stay editable and locations can be added; adding users is not offered.
  const next = page.getByTestId('next-steps');
  await expect(next.getByRole('link', { name: /^Add users|^Add your first users/ })).toHaveCount(0);
  await next.getByRole('link', { name: "Edit users' names and e-mail addresses" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
});

test('a customer admin without RBPM is told it is off and offered Add users', async ({ page }) => {
  await signIn(page, 'admin@bluebird-bakery.test');
  await expect(page).toHaveURL(new RegExp(`/o/${DEMO_ORG_IDS.bluebirdBakery}/home$`));
  await expect(page.getByTestId('rbpm-state')).toContainText('Northwind Telecom has turned it off: you manage these settings');
  await page.getByTestId('next-steps').getByRole('link', { name: 'Add users' }).click();
  await expect(page.getByRole('button', { name: 'Add users' })).toBeVisible();
});

test('an empty search result says what to do and has the button that does it', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers/templates?q=no-such-template-zz`);
  const empty = page.getByTestId('empty-state');
  await expect(empty).toContainText('No template name contains that text.');
  await empty.getByRole('link', { name: 'Clear search' }).click();
  await expect(page.getByTestId('templates-table')).toBeVisible();
});

test('Services and Organisation settings hold no empty or repeated lines', async ({ page }) => {
  await signIn(page, 'admin@bluebird-bakery.test');
  await page.goto(`/o/${DEMO_ORG_IDS.bluebirdBakery}/services`);
  await expect(page.getByTestId('services-state')).toContainText('No service migration is in progress');
  await expect(page.getByText('You can change this.')).toHaveCount(0);
  await page.goto(`/o/${DEMO_ORG_IDS.bluebirdBakery}/organisation-settings`);
  // The forms hold the values; they are not listed again read-only beneath them.
  await expect(page.getByTestId('email-form')).toBeVisible();
  await expect(page.getByTestId('sso-form')).toBeVisible();
  await expect(page.locator('dt', { hasText: 'E-mail language' })).toHaveCount(0);
  await expect(page.locator('dt', { hasText: 'Single sign-on' })).toHaveCount(0);
  await expect(page.getByText('You can change this.')).toHaveCount(0);
});

test('under RBPM the same settings are shown read-only, with the reason', async ({ page }) => {
  await signIn(page, 'admin@acme-dental.test');
  await page.goto(`/o/${DEMO_ORG_IDS.acmeDental}/organisation-settings`);
  await expect(page.getByTestId('email-form')).toHaveCount(0);
  await expect(page.getByTestId('email-editability')).toContainText('Your partner has restricted this setting.');
  await expect(page.locator('dt', { hasText: 'E-mail language' })).toHaveCount(1);
});
