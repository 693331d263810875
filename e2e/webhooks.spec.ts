// Webhooks end to end (SPEC §8.4): a partner full admin registers an endpoint in
// Settings → Webhooks pointing at this test's own HTTP receiver on 127.0.0.1 (demo mode
// allows private targets), creates a customer in the wizard, and the receiver gets a
// Standard Webhooks-signed customer.status_changed to `provisioned`; the delivery log
// shows it and Redeliver sends the same webhook-id again.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
let server: Server;
let base = '';

/** Listens on the first free port of 3351–3359 (this test's range), 127.0.0.1 only. */
async function listen(): Promise<void> {
  for (let port = 3351; port <= 3359; port++) {
    const s = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => {
        body += c;
      });
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    const ok = await new Promise<boolean>((resolve) => {
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (ok) {
      server = s;
      base = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
      return;
    }
  }
  throw new Error('No free port for the webhook receiver in 3351–3359');
}

test.beforeAll(listen);
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Standard Webhooks: any v1 signature in the header that matches HMAC-SHA256(id.timestamp.body). */
function verifies(secret: string, r: Received): boolean {
  const expected = createHmac('sha256', Buffer.from(secret.replace(/^whsec_/, ''), 'base64'))
    .update(`${r.headers['webhook-id']}.${r.headers['webhook-timestamp']}.${r.body}`)
    .digest();
  return String(r.headers['webhook-signature'] ?? '')
    .split(' ')
    .some((part) => {
      const [version, sig] = part.split(',');
      const got = Buffer.from(sig ?? '', 'base64');
      return version === 'v1' && got.length === expected.length && timingSafeEqual(got, expected);
    });
}

async function createCustomer(page: Page, company: string, externalId: string, adminEmail: string) {
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers`);
  await page.getByRole('link', { name: 'Create customer' }).click();
  await page.getByLabel('Company name').fill(company);
  await page.getByLabel('Administrator email').fill(adminEmail);
  await page.getByLabel('Onboarding template').selectOption({ label: 'Standard calling – US — PSTN: NorthStar Voice' });
  await page.getByLabel('External ID').fill(externalId);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('checkbox', { name: /^Webex Meetings/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Address line 1').fill('3 Dock Street');
  await page.getByLabel('City').fill('Portland');
  await page.getByLabel('State/province').fill('OR');
  await page.getByLabel('Postal code').fill('97201');
  await page.getByLabel('I confirm that this customer is in a location supported by Webex').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('wizard-summary')).toContainText(company);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page).toHaveURL(/\/customers\?customer=/);
}

/** Runs one of an endpoint row's actions from its Actions menu. */
async function rowAction(row: Locator, name: string) {
  await row.getByRole('button', { name: /^Actions for / }).click();
  await row.getByRole('menuitem', { name }).click();
}

test('a full admin registers a webhook endpoint; a new customer’s provisioning arrives signed, is logged, and can be redelivered', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const t = Math.random().toString(36).slice(2, 8);
  const hookPath = `/hook-${t}`;
  const externalId = `E2E-WH-${t}`;
  await signIn(page, 'full.admin@northwind.test');

  // Settings → Webhooks.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();

  // The form refuses a plain-HTTP public URL and a missing event, next to the fields.
  const form = page.getByRole('form', { name: 'Add endpoint' });
  await form.getByLabel('Endpoint URL').fill('http://hooks.example.com/x');
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.getByTestId('new-endpoint-url-error')).toContainText('Use an HTTPS URL');
  await expect(page.getByTestId('new-endpoint-events-error')).toHaveText('Choose at least one event.');

  await form.getByLabel('Endpoint URL').fill(base + hookPath);
  await form.getByLabel('Description').fill(`E2E receiver ${t}`);
  await form.getByRole('checkbox', { name: /customer\.status_changed/ }).check();
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  const secretField = page.getByRole('textbox', { name: 'Signing secret' });
  await expect(secretField).toHaveAttribute('readonly', '');
  const secret = await secretField.inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(secretField).toHaveCount(0);
  const row = page.getByTestId('webhook-endpoint-row').filter({ hasText: base + hookPath });
  await expect(row).toContainText('Enabled');
  await expect(row).toContainText('customer.status_changed');

  // A customer created in the wizard provisions; the receiver hears about it.
  await createCustomer(page, `E2E Webhook Works ${t}`, externalId, `owner-${t}@webhook-works.test`);
  const isOurs = (r: Received) => {
    if (r.path !== hookPath) return false;
    const p = JSON.parse(r.body) as { type: string; data: { externalId?: string; status?: string } };
    return p.type === 'customer.status_changed' && p.data.externalId === externalId && p.data.status === 'provisioned';
  };
  await expect.poll(() => received.filter(isOurs).length, { timeout: 45_000 }).toBeGreaterThan(0);
  const hit = received.find(isOurs)!;
  const payload = JSON.parse(hit.body) as { type: string; timestamp: string; data: { id: string; previousStatus: string; status: string } };
  expect(payload.data.previousStatus).toBe('provisioning');
  expect(Number.isNaN(Date.parse(payload.timestamp))).toBe(false);
  expect(hit.headers['webhook-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(verifies(secret, hit)).toBe(true);
  expect(verifies('whsec_' + Buffer.alloc(24, 7).toString('base64'), hit)).toBe(false);

  // The delivery log shows the attempt; Redeliver sends the same event id again.
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/settings/webhooks`);
  await row.getByRole('link', { name: /Delivery log/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delivery log' })).toBeVisible();
  const logRow = page
    .getByTestId('webhook-attempt-row')
    .filter({ hasText: String(hit.headers['webhook-id']) })
    .first();
  await expect(logRow).toContainText('customer.status_changed');
  await expect(logRow).toContainText('204');
  const before = received.filter((r) => r.headers['webhook-id'] === hit.headers['webhook-id']).length;
  await logRow.getByRole('button', { name: 'Redeliver customer.status_changed' }).click();
  await expect(page.getByText('customer.status_changed queued for redelivery.')).toBeVisible();
  await expect
    .poll(() => received.filter((r) => r.headers['webhook-id'] === hit.headers['webhook-id']).length, { timeout: 30_000 })
    .toBeGreaterThan(before);
  const again = received.filter((r) => r.headers['webhook-id'] === hit.headers['webhook-id']).at(-1)!;
  expect(verifies(secret, again)).toBe(true);
});

test('a full admin edits, disables and enables, rotates the secret of, and deletes an endpoint', async ({ page }) => {
  const t = Math.random().toString(36).slice(2, 8);
  const url = `${base}/manage-${t}`;
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/settings/webhooks`);
  const form = page.getByRole('form', { name: 'Add endpoint' });
  await form.getByLabel('Endpoint URL').fill(url);
  await form.getByRole('checkbox', { name: /subscriber\.created/ }).check();
  await form.getByLabel('Include indirect providers').check();
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  const first = await page.getByRole('textbox', { name: 'Signing secret' }).inputValue();
  await page.getByRole('button', { name: 'Done' }).click();
  const row = page.getByTestId('webhook-endpoint-row').filter({ hasText: url });
  await expect(row).toContainText('Includes indirect providers');

  // Edit: the dialog holds the current values; the change shows in the list.
  await rowAction(row, `Edit ${url}`);
  const dialog = page.getByRole('dialog', { name: 'Edit endpoint' });
  await expect(dialog.getByRole('checkbox', { name: /subscriber\.created/ })).toBeChecked();
  await dialog.getByLabel('Description').fill(`Ledger ${t}`);
  await dialog.getByRole('checkbox', { name: /billing_report\.completed/ }).check();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('toasts')).toContainText('Endpoint saved.');
  await expect(row).toContainText(`Ledger ${t}`);
  await expect(row).toContainText('billing_report.completed');

  // Disable asks first; Enable does not.
  await rowAction(row, `Disable ${url}`);
  await page.getByRole('dialog', { name: 'Disable endpoint?' }).getByRole('button', { name: 'Disable' }).click();
  await expect(row).toContainText('Disabled');
  await expect(row).toContainText('Disabled by full.admin@northwind.test');
  await rowAction(row, `Enable ${url}`);
  await expect(row).toContainText('Enabled');

  // Rotate: a new secret, shown once; the old one keeps signing for 24 h.
  await rowAction(row, `Rotate secret of ${url}`);
  await page.getByRole('dialog', { name: 'Rotate signing secret?' }).getByRole('button', { name: 'Rotate secret' }).click();
  const rotated = page.getByTestId('new-signing-secret');
  await expect(rotated).toContainText('The old secret keeps signing alongside this one until');
  const second = await page.getByRole('textbox', { name: 'Signing secret' }).inputValue();
  expect(second).toMatch(/^whsec_/);
  expect(second).not.toBe(first);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(row).toContainText('Old secret signs too until');

  // Delete asks first; Cancel keeps it, Delete removes it.
  await rowAction(row, `Delete ${url}`);
  const confirm = page.getByRole('dialog', { name: 'Delete endpoint?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(row).toHaveCount(1);
  await rowAction(row, `Delete ${url}`);
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('toasts')).toContainText(`Endpoint ${url} deleted.`);
  await expect(row).toHaveCount(0);
});
