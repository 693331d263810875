// Issue 17.3: every list searches as you type (no Enter, no Search button), keeps the URL
// in sync, applies a filter on change, and the cross-launch banner's "Back to …" returns
// to the list with its search and filters.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

/** Types like a person (key by key) and never presses Enter. */
async function typeSlowly(page: Page, label: string, text: string) {
  const box = page.getByLabel(label, { exact: true });
  await box.click();
  await box.pressSequentially(text, { delay: 40 });
}

test('customers: typing filters, a filter applies on change, and Back from a cross-launch restores both', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers`);
  const table = page.getByTestId('customers-table');
  await expect(table).toContainText('Lighthouse Legal LLP');
  await typeSlowly(page, 'Search customers', 'Pinecrest');
  await expect(page).toHaveURL(/[?&]q=Pinecrest(&|$)/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('Pinecrest Realty');
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Error' });
  await expect(page).toHaveURL(/status=error/);
  await expect(table).toContainText('Pinecrest Realty');
  // The search box kept its text and focus was not lost to a reload.
  await expect(page.getByLabel('Search customers', { exact: true })).toHaveValue('Pinecrest');

  await table.getByRole('link', { name: 'Pinecrest Realty' }).click();
  await page.getByTestId('customer-panel').getByRole('link', { name: 'View customer' }).click();
  await expect(page.getByTestId('cross-launch-banner')).toContainText('Pinecrest Realty');
  await page.getByRole('link', { name: 'Back to Northwind Telecom' }).click();
  await expect(page).toHaveURL(/\/customers\?.*q=Pinecrest/);
  await expect(page).toHaveURL(/status=error/);
  await expect(page.getByLabel('Search customers', { exact: true })).toHaveValue('Pinecrest');
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('error');
  await expect(page.getByTestId('customers-table').getByRole('row')).toHaveCount(2);
});

test('templates, indirect providers, users and activity filter as you type', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  const northwind = `/o/${DEMO_ORG_IDS.northwind}`;

  await page.goto(`${northwind}/customers/templates`);
  await typeSlowly(page, 'Search templates', 'Australia');
  await expect(page).toHaveURL(/q=Australia/);
  await expect(page.getByRole('table')).toContainText('Calling – Australia');
  await expect(page.getByRole('table')).not.toContainText('Standard calling – US');

  await page.goto(`${northwind}/indirect-providers`);
  await typeSlowly(page, 'Search indirect providers', 'Tailspin');
  await expect(page).toHaveURL(/q=Tailspin/);
  await expect(page.getByRole('table')).toContainText('Tailspin Telecom');
  await expect(page.getByRole('table')).not.toContainText('Fabrikam Networks');

  await page.goto(`/o/${DEMO_ORG_IDS.acmeDental}/users`);
  const users = page.getByTestId('users-table');
  await expect(users.getByRole('row').nth(2)).toBeVisible();
  const email = (await users.getByRole('row').nth(2).getByRole('cell').nth(1).innerText()).trim();
  await typeSlowly(page, 'Search users', email);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(email).replace(/\./g, '\\.')}`));
  await expect(users.getByRole('row')).toHaveCount(2);
  await expect(users).toContainText(email);

  await page.goto(`${northwind}/activity`);
  await typeSlowly(page, 'Actor e-mail contains', 'nobody-matches-this');
  await expect(page).toHaveURL(/actor=nobody-matches-this/);
  await expect(page.getByText('No activity matches these filters')).toBeVisible();
});

test('a sub-partner list search survives the cross-launch round trip', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/indirect-providers`);
  await typeSlowly(page, 'Search indirect providers', 'Fabrikam');
  await expect(page).toHaveURL(/q=Fabrikam/);
  await page.getByRole('link', { name: 'Cross-launch into Fabrikam Networks' }).click();
  await expect(page.getByTestId('org-name')).toHaveText('Fabrikam Networks');
  await page.getByRole('link', { name: 'Back to Northwind Telecom' }).click();
  await expect(page).toHaveURL(/indirect-providers\?q=Fabrikam/);
  await expect(page.getByLabel('Search indirect providers', { exact: true })).toHaveValue('Fabrikam');
});
