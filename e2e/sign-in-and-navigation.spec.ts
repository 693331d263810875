import { expect, test } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { navLabels, signIn } from './support';

const PARTNER_NAV = ['Overview', 'Customers', 'Billing', 'Analytics', 'Activity', 'Settings'];
const CUSTOMER_NAV = ['Home', 'Users', 'Workspaces', 'Locations', 'Account', 'Organisation settings', 'Calling', 'Services'];

const ACCOUNTS = [
  {
    email: 'full.admin@northwind.test',
    org: 'Northwind Telecom',
    nav: ['Overview', 'Customers', 'Indirect providers', 'Billing', 'Analytics', 'Activity', 'Settings'],
  },
  { email: 'wholesale.admin@northwind.test', org: 'Northwind Telecom', nav: PARTNER_NAV },
  { email: 'readonly@northwind.test', org: 'Northwind Telecom', nav: PARTNER_NAV },
  { email: 'admin@fabrikam.test', org: 'Fabrikam Networks', nav: PARTNER_NAV },
  { email: 'admin@tailspin.test', org: 'Tailspin Telecom', nav: PARTNER_NAV },
  { email: 'sales.full@contoso.test', org: 'Contoso Solutions', nav: ['Overview', 'Customers', 'Trials', 'Settings'] },
  { email: 'sales@contoso.test', org: 'Contoso Solutions', nav: ['Overview', 'Customers', 'Trials', 'Settings'] },
  { email: 'sales.full@litware.test', org: 'Litware Reseller', nav: ['Overview', 'Customers', 'Trials', 'Settings'] },
  { email: 'admin@harbor-law.test', org: 'Harbor Law Group', nav: CUSTOMER_NAV },
  { email: 'admin@acme-dental.test', org: 'Acme Dental', nav: CUSTOMER_NAV },
  { email: 'admin@bluebird-bakery.test', org: 'Bluebird Bakery', nav: CUSTOMER_NAV },
];

for (const account of ACCOUNTS) {
  test(`${account.email} lands on ${account.org} with the right navigation`, async ({ page }) => {
    await signIn(page, account.email);
    await expect(page.getByTestId('org-name')).toHaveText(account.org);
    expect(await navLabels(page)).toEqual(account.nav);
  });
}

test('the sign-in page lists the demo accounts in demo mode', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Demo accounts' })).toBeVisible();
  for (const a of ACCOUNTS) await expect(page.getByText(a.email, { exact: true })).toBeVisible();
});

test('wrong credentials get one clear error that does not say which part was wrong', async ({ page }) => {
  for (const [email, password] of [
    ['full.admin@northwind.test', 'wrong-password'],
    ['nobody@northwind.test', 'Password123!'],
  ]) {
    await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('sign-in-error')).toHaveText('Incorrect e-mail or password.');
    await expect(page).toHaveURL(/\/sign-in/);
  }
});

test('signed out, an org page sends you to sign in', async ({ page }) => {
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/overview`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a sub-partner admin gets 404 for the parent and a sibling sub-partner', async ({ page }) => {
  await signIn(page, 'admin@fabrikam.test');
  for (const id of [DEMO_ORG_IDS.northwind, DEMO_ORG_IDS.tailspin, DEMO_ORG_IDS.acmeDental]) {
    const response = await page.goto(`/o/${id}/overview`);
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId('not-found')).toBeVisible();
  }
});

test('a customer admin gets 404 for its partner', async ({ page }) => {
  await signIn(page, 'admin@acme-dental.test');
  const response = await page.goto(`/o/${DEMO_ORG_IDS.northwind}/overview`);
  expect(response?.status()).toBe(404);
});

test('the RBPM banner shows for Acme Dental (on) and not for Bluebird Bakery (off)', async ({ page, browser }) => {
  await signIn(page, 'admin@acme-dental.test');
  await expect(page.getByTestId('rbpm-banner')).toContainText('Your partner has restricted some settings');
  const other = await browser.newPage();
  await signIn(other, 'admin@bluebird-bakery.test');
  await expect(other.getByTestId('org-name')).toHaveText('Bluebird Bakery');
  await expect(other.getByTestId('rbpm-banner')).toHaveCount(0);
  await other.close();
});

test('sign out ends the session', async ({ page }) => {
  await signIn(page, 'readonly@northwind.test');
  await page.getByLabel('User menu').click();
  await page.getByRole('link', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/overview`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('the overview shows real counts from the database', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  const customers = page.getByRole('link', { name: /Customers/ }).filter({ hasText: /\d/ });
  await expect(customers).toBeVisible();
  const value = Number((await customers.innerText()).replace(/\D/g, ''));
  expect(value).toBeGreaterThan(10);
  await expect(page.getByTestId('customers-by-status')).toContainText('Pending compliance review');
});
