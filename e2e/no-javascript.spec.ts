// Issue 17.11: sign-in is a plain form bound to a server action, so it works with JavaScript disabled.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../lib/demo/accounts';

test.use({ javaScriptEnabled: false });

test('sign-in works with JavaScript disabled, and a wrong password says so', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill('wholesale.admin@northwind.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('Incorrect e-mail or password.');
  // The e-mail is kept for the next try.
  await expect(page.getByLabel('E-mail')).toHaveValue('wholesale.admin@northwind.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/o\/[0-9a-f-]{36}\/overview/);
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
});
