import { expect, test } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

test('a parent admin cross-launches into a sub-partner and back', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Indirect providers' }).click();
  await page.getByRole('link', { name: 'Cross-launch into Fabrikam Networks' }).click();
  await expect(page.getByTestId('cross-launch-banner')).toContainText('Viewing Fabrikam Networks as Northwind Telecom administrator');
  await expect(page.getByTestId('org-name')).toHaveText('Fabrikam Networks');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' }).click();
  await expect(page.getByTestId('forbidden')).toContainText('Not available when cross-launched.');
  await page.getByRole('link', { name: 'Back to Northwind Telecom' }).click();
  await expect(page.getByTestId('org-name')).toHaveText('Northwind Telecom');
});

test('a wholesale admin without full admin cannot reach a sub-partner (404)', async ({ page }) => {
  await signIn(page, 'wholesale.admin@northwind.test');
  const response = await page.goto(`/o/${DEMO_ORG_IDS.fabrikam}/overview`);
  expect(response?.status()).toBe(404);
});

test('a partner admin opening a customer view sees the managing banner', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.acmeDental}/users`);
  await expect(page.getByTestId('cross-launch-banner')).toContainText('You are managing Acme Dental for Northwind Telecom');
  await expect(page.getByTestId('rbpm-banner')).toHaveCount(0);
});
