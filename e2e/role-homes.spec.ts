// Issue 17.8: each role lands on what it acts on.
import { expect, test } from '@playwright/test';
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
