// SPEC §8.3 end to end: a partner full admin makes an API token in the UI, attaches the
// demo's existing organisation Harbor Law Group through the public API (12 users, no
// verified domain → at once, as the pre-check says), and the portal's panel then shows it
// provisioned, with RBPM off and unavailable and "Managed through the API" instead of
// the set-up and delete actions. Harbor's own admin still sees the org under its own name.
import { expect, test } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

test('an existing organisation attached through the API is managed through the API in the portal', async ({ page, request }) => {
  test.setTimeout(120_000);
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/settings/api-tokens`);
  const form = page.getByRole('form', { name: 'Create token' });
  await form.getByLabel('Name').fill('E2E attach');
  await form.getByRole('checkbox', { name: /wholesale_customers_read/ }).check();
  await form.getByRole('checkbox', { name: /wholesale_customers_write/ }).check();
  await form.getByRole('button', { name: 'Create token' }).click();
  const token = await page.getByRole('textbox', { name: 'Token' }).inputValue();
  expect(token).toMatch(/^phk_/);
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

  // A template of Northwind's, read off one of its provisioned customers.
  const list = await request.get('/v1/wholesale/customers?status=provisioned&max=100', { headers });
  expect(list.status()).toBe(200);
  const provisioningId = ((await list.json()).items as { provisioningId: string | null }[]).find((c) => c.provisioningId)!.provisioningId;
  const body = {
    provisioningId,
    packages: ['webex_meetings'],
    externalId: `E2E-ATTACH-${Date.now().toString(36)}`,
    orgId: DEMO_ORG_IDS.harborLaw,
    address: { addressLine1: '200 Harbor Way', city: 'Boston', stateOrProvince: 'MA', zipOrPostalCode: '02110', country: 'US' },
  };

  const check = await request.post('/v1/wholesale/customers/validate', { headers, data: body });
  expect(check.status()).toBe(200);
  expect((await check.json()).info[0]).toMatchObject({ infoCode: 101, description: expect.stringContaining('attached at once') });
  const created = await request.post('/v1/wholesale/customers', { headers, data: body });
  expect(created.status()).toBe(202);
  const location = created.headers().location;
  expect(location).toMatch(/\/v1\/wholesale\/customers\/[0-9a-f-]{36}$/);
  await expect.poll(async () => (await (await request.get(location, { headers })).json()).status, { timeout: 45_000 }).toBe('provisioned');

  // The portal: the panel names the org as it was, and management is API-only.
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers?q=${encodeURIComponent('Harbor Law Group')}`);
  await page.getByRole('table').getByRole('link', { name: 'Harbor Law Group' }).click();
  const panel = page.getByTestId('customer-panel');
  await expect(panel.getByRole('heading', { name: 'Harbor Law Group' })).toBeVisible();
  await expect(panel.getByTestId('customer-status')).toHaveText('Active');
  await expect(panel.getByTestId('managed-through-api')).toContainText('Managed through the API');
  await expect(panel.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expect(panel.getByRole('link', { name: 'Set up customer' })).toHaveCount(0);
  const rbpm = panel.getByRole('switch', { name: 'Restricted by Partner Mode' });
  await expect(rbpm).toBeDisabled();
  await expect(rbpm).toHaveAttribute('aria-checked', 'false');
  await expect(panel).toContainText('Not available for organisations attached through the API.');

  // In the org's own view the partner reads, and sees why it can't change things here.
  await panel.getByRole('link', { name: 'View customer' }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Manage users' })).toBeDisabled();
  await expect(page.locator('#manage-users-reason')).toContainText('Managed through the API');
  await expect(page.getByRole('link', { name: 'Set up customer' })).toHaveCount(0);
  await page.goto(page.url().replace(/\/users.*$/, '/setup'));
  await expect(page.getByText(/Managed through the API/)).toBeVisible();

  // A second attach of the same org is refused with its own code.
  const again = await request.post('/v1/wholesale/customers', { headers, data: { ...body, externalId: `${body.externalId}-2` } });
  expect(again.status()).toBe(409);
  expect((await again.json()).errors.map((e: { errorCode: number }) => e.errorCode)).toContain(10111);
});
