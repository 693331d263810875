import { expect, test } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

// SPEC §8.1: a partner full admin creates a token in Settings → API tokens, a back-office
// system uses it against the Wholesale API, the admin revokes it (with confirmation),
// and the very next call is refused with 401.
test('a full admin creates an API token, it works against /v1/wholesale/customers, and after Revoke the next call is 401', async ({
  page,
  baseURL,
}) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/settings`);
  await page.getByRole('link', { name: 'API tokens' }).click();
  await expect(page.getByRole('heading', { name: 'API tokens', level: 1 })).toBeVisible();

  const name = `E2E billing system ${Date.now()}`;
  const form = page.getByRole('form', { name: 'Create token' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('checkbox', { name: /wholesale_customers_read/ }).check();
  await form.getByLabel('Expires').selectOption('30');
  await form.getByRole('button', { name: 'Create token' }).click();

  const field = page.getByLabel('Token', { exact: true });
  await expect(field).toHaveAttribute('readonly', '');
  const token = await field.inputValue();
  expect(token).toMatch(/^phk_[A-Za-z0-9_-]{40,}$/);

  const list = () => fetch(`${baseURL}/v1/wholesale/customers?max=5`, { headers: { authorization: `Bearer ${token}` } });
  const ok = await list();
  expect(ok.status).toBe(200);
  const body = await ok.json();
  expect(body.items.length).toBeGreaterThan(0);
  expect(body.items[0]).toMatchObject({ id: expect.any(String), status: expect.any(String) });
  // The scope is exactly what was ticked: writing is refused, naming the scope.
  const write = await fetch(`${baseURL}/v1/wholesale/customers/validate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(write.status).toBe(403);
  expect((await write.json()).message).toContain('wholesale_customers_write');

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(field).toHaveCount(0);
  const row = page.getByTestId('api-tokens-table').getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('wholesale_customers_read');
  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke token?' });
  await expect(dialog).toContainText('will get 401 on their next call');
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByText(`Token “${name}” revoked.`)).toBeVisible();
  await expect(page.getByTestId('api-tokens-table').getByRole('row').filter({ hasText: name })).toHaveCount(0);

  const refused = await list();
  expect(refused.status).toBe(401);
  const err = await refused.json();
  expect(err.errors[0].errorCode).toBe(10401);
  expect(err.trackingId).toBe(refused.headers.get('trackingid'));
});
