// Issue 15 end to end: invite an administrator and sign in as them; brand the partner and
// see it in a customer's view; Analytics draws its charts and tables for the demo data.
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { navLabels, signIn } from './support';

test('a full admin invites an administrator who accepts from the Outbox and signs in with exactly those roles', async ({
  page,
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const email = `colleague-${stamp}@northwind.test`;
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/settings`);
  await page.getByRole('link', { name: 'Manage administrators' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administrators' })).toBeVisible();
  await page.getByRole('button', { name: 'Invite administrator' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite administrator' });
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog.getByText('Choose at least one role.')).toBeVisible();
  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByLabel('First name').fill('Cora');
  await dialog.getByLabel('Last name').fill('Colleague');
  await dialog.getByLabel('Partner read-only administrator').check();
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  const row = page.getByTestId('admin-row').filter({ hasText: email });
  await expect(row).toContainText('Invited');
  await expect(row).toContainText('Partner read-only administrator');

  await page.goto('/outbox');
  const mail = page.getByRole('row').filter({ hasText: email });
  await mail.getByText(/invited to administer/).click();
  const link = ((await mail.locator('pre').textContent()) ?? '').match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/)?.[0];
  expect(link).toBeTruthy();

  const other = await browser.newContext();
  const invited = await other.newPage();
  await invited.goto(new URL(link!).pathname);
  await invited.getByLabel('New password').fill('Correct-Horse-42');
  await invited.getByLabel('Confirm password').fill('Correct-Horse-42');
  await invited.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(invited.getByTestId('org-name')).toHaveText('Northwind Telecom');
  expect(await navLabels(invited)).toEqual(['Overview', 'Customers', 'Billing', 'Analytics', 'Activity', 'Settings']);
  await invited.goto(`/o/${DEMO_ORG_IDS.northwind}/settings/administrators`);
  await expect(invited.getByRole('button', { name: 'Invite administrator' })).toHaveCount(0);
  await other.close();

  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/settings/administrators`);
  await expect(page.getByTestId('admin-row').filter({ hasText: email })).toContainText('Active');
});

test("a partner's logo and support link appear in its customer's view", async ({ page, browser }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/settings/branding`);
  await page
    .getByTestId('logo-input')
    .setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await expect(page.getByText('SVG logos are not accepted: upload a PNG or JPEG.')).toBeVisible();
  const png = await sharp({ create: { width: 120, height: 40, channels: 4, background: '#0a5bd6' } })
    .png()
    .toBuffer();
  await page.getByTestId('logo-input').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByTestId('current-logo')).toBeVisible();
  await page.getByLabel('Accent colour, light theme').fill('#ffdd00');
  await expect(page.getByTestId('contrast-light')).toContainText('below the WCAG AA minimum');
  await page.getByLabel('Accent colour, light theme').fill('#0a5bd6');
  await expect(page.getByTestId('contrast-light')).toContainText('passes WCAG AA');
  await page.getByLabel('Support URL').fill('https://support.northwind.test');
  await page.getByRole('button', { name: 'Save branding' }).click();
  await expect(page.getByText('Branding saved.')).toBeVisible();

  const other = await browser.newContext();
  const customer = await other.newPage();
  await signIn(customer, 'admin@bluebird-bakery.test');
  const logo = customer.getByTestId('brand-logo');
  await expect(logo).toBeVisible();
  const src = await logo.getAttribute('src');
  expect(src).toMatch(new RegExp(`^/branding/${DEMO_ORG_IDS.northwind}/logo/[0-9a-f]{32}$`));
  const res = await customer.request.get(src!);
  expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  await expect(customer.getByTestId('contact-support')).toHaveAttribute('href', 'https://support.northwind.test');
  await other.close();
});

test('Analytics renders its charts and table alternatives for the demo data', async ({ page }) => {
  await signIn(page, 'readonly@northwind.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
  for (const id of ['chart-customers-by-status', 'chart-seats-by-package', 'chart-new-customers', 'chart-top-customers']) {
    const chart = page.getByTestId(id);
    await expect(chart.locator('svg[role="img"]')).toBeVisible();
    await chart.getByText('Show as table').click();
    await expect(chart.getByTestId(`${id}-table`).locator('tbody tr').first()).toBeVisible();
  }
  await page.getByLabel('Period').selectOption('3');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/months=3/);
  await expect(page.getByTestId('chart-new-customers-table').locator('tbody tr')).toHaveCount(3);
  const download = await page.request.get(`/o/${DEMO_ORG_IDS.northwind}/analytics/export?chart=new-customers&months=3`);
  expect(download.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect((await download.text()).split('\r\n')[0]).toBe('Month,New customers');
});
