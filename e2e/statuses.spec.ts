// Issue 17.2: every status shown is derivable from the data and has a way forward; toasts
// neither pile up nor follow you to other pages.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

async function openCustomer(page: Page, name: string) {
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers?q=${encodeURIComponent(name)}`);
  await page.getByTestId('customers-table').getByRole('link', { name }).click();
  const panel = page.getByTestId('customer-panel');
  await expect(panel.getByRole('heading', { name })).toBeVisible();
  return panel;
}

test('a customer in Error shows no package as Provisioning and offers Retry', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  const panel = await openCustomer(page, 'Pinecrest Realty');
  await expect(panel.getByTestId('customer-status')).toHaveText('Error');
  await expect(panel.getByTestId('customer-packages')).not.toContainText('Provisioning');
  await expect(panel.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(panel.getByText('Updating live…')).toHaveCount(0);
});

test('a deprovisioned customer shows no Active package and no RBPM state', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  const panel = await openCustomer(page, 'Lakeside Florists');
  await expect(panel.getByTestId('customer-status')).toHaveText('Deprovisioned');
  await expect(panel.getByTestId('customer-packages')).not.toContainText('Active');
  await expect(panel.getByTestId('customer-packages')).toContainText('Removed');
  await expect(panel.getByRole('switch', { name: 'Restricted by Partner Mode' })).toHaveCount(0);
  await expect(panel.getByTestId('rbpm-not-applicable')).toBeVisible();
  const row = page.getByTestId('customer-row').filter({ hasText: 'Lakeside Florists' });
  await expect(row).not.toContainText('On');
});

test('toasts replace each other and stay on the page they were raised on', async ({ page }) => {
  // A controllable clock (flowing normally until paused) to tell "cleared by leaving" from "timed out".
  await page.clock.install();
  await signIn(page, 'full.admin@northwind.test');
  const panel = await openCustomer(page, 'Lighthouse Legal LLP');
  const toggle = panel.getByRole('switch', { name: 'Restricted by Partner Mode' });
  const toasts = page.getByTestId('toasts');
  const before = (await toggle.getAttribute('aria-checked')) === 'true';
  await toggle.click();
  await expect(toasts).toContainText(`turned ${before ? 'off' : 'on'}`);
  await toggle.click();
  await expect(toasts).toContainText(`turned ${before ? 'on' : 'off'}`);
  // Never a pile: one toast at a time.
  await expect(toasts.getByRole('status')).toHaveCount(1);
  // Past the moment after it was raised, leaving the page leaves the toast behind — well
  // before its own five seconds are up (the clock is paused, so only navigation can clear it).
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 100);
  await page.clock.runFor(2_500);
  await page.getByRole('navigation', { name: 'Customers sections' }).getByRole('link', { name: 'Templates' }).click();
  await expect(page).toHaveURL(/\/customers\/templates/);
  await expect(toasts.getByRole('status')).toHaveCount(0, { timeout: 1_000 });
});
