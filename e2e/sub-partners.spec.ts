import { expect, test } from '@playwright/test';
import { navLabels, signIn } from './support';

test('a parent sets up an indirect provider whose invited admin signs in to it; then suspends it', async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const name = `Woodgrove Reseller ${stamp}`;
  const email = `owner-${stamp}@woodgrove.test`;

  await signIn(page, 'full.admin@northwind.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Set up indirect provider' }).click();
  await page.getByRole('button', { name: 'Set up indirect provider' }).click();
  await expect(page.getByTestId('name-error')).toBeVisible();
  await page.getByLabel('Indirect provider name').fill(name);
  await page.getByLabel('Administrator email').fill(email);
  await page.getByLabel('First name').fill('Wanda');
  await page.getByLabel('Last name').fill('Grove');
  await page.getByRole('button', { name: 'Set up indirect provider' }).click();
  await expect(page).toHaveURL(/\/indirect-providers$/);
  await expect(page.getByText(`invitation was sent to ${email}`)).toBeVisible();

  // The invitation is in the outbox; the admin follows it in a fresh browser.
  await page.goto('/outbox');
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toBeVisible();
  const link = ((await row.locator('pre').textContent()) ?? '').match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/)?.[0];
  expect(link).toBeTruthy();
  const invited = await browser.newPage();
  await invited.goto(new URL(link!).pathname);
  await expect(invited.getByRole('heading', { name: `Welcome to ${name}` })).toBeVisible();
  await invited.getByLabel('New password').fill('Correct-Horse-42');
  await invited.getByLabel('Confirm password').fill('Correct-Horse-42');
  await invited.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(invited.getByTestId('org-name')).toHaveText(name);
  expect(await navLabels(invited)).toEqual(['Overview', 'Customers', 'Billing', 'Analytics', 'Activity', 'Settings']);
  await invited.close();

  // Suspend it from the list, after confirming.
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Indirect providers' }).click();
  await page.getByRole('searchbox').fill(stamp);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: `Suspend ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Suspend ${name}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Suspend' }).click();
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Suspended');
});
