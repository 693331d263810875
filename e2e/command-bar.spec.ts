// Issue 17.10, the power-user part: the command bar (Ctrl/⌘+K) jumps to what the signed-in
// person reaches — and finds nothing of another tenant —, `?` shows the shortcuts, and
// j/k/Enter walk a list without the mouse.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

const bar = (page: Page) => page.getByTestId('command-bar');
const barInput = (page: Page) => bar(page).getByRole('combobox');

/** The shortcuts listen once React has hydrated the page; until then the header button is disabled. */
async function ready(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('button', { name: 'Jump to…' })).toBeEnabled();
}

/** Opens the bar with the keyboard and types like a person (no Enter). */
async function openAndType(page: Page, text: string) {
  await page.keyboard.press('Control+k');
  await expect(bar(page)).toBeVisible();
  await expect(barInput(page)).toBeFocused();
  await barInput(page).pressSequentially(text, { delay: 30 });
}

test('Ctrl+K finds a customer by name, Enter opens it; Escape closes; the header button opens it too', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await ready(page, `/o/${DEMO_ORG_IDS.northwind}/overview`);
  await openAndType(page, 'Kestrel');
  const option = bar(page).getByRole('option', { name: 'Kestrel Accounting' });
  await expect(option).toBeVisible();
  // The listbox is labelled and the highlighted option is the input's active descendant.
  await expect(bar(page).getByRole('listbox')).toBeVisible();
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/o/${DEMO_ORG_IDS.northwind}/customers\\?customer=[0-9a-f-]{36}$`));
  await expect(page.getByTestId('customer-panel')).toContainText('Kestrel Accounting');
  await expect(bar(page)).toBeHidden();

  // Pages too, with arrows: "Billing" is a page of Northwind.
  await page.getByRole('button', { name: 'Jump to…' }).click();
  await expect(barInput(page)).toBeFocused();
  await barInput(page).pressSequentially('bill', { delay: 30 });
  await expect(bar(page).getByRole('option', { name: 'Billing' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(bar(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Jump to…' })).toBeFocused();
});

test('an indirect provider’s admin does not find the parent’s or a sibling’s customers', async ({ page }) => {
  await signIn(page, 'admin@fabrikam.test');
  await ready(page, `/o/${DEMO_ORG_IDS.fabrikam}/customers`);
  await openAndType(page, 'Redwood');
  await expect(bar(page).getByRole('option', { name: 'Redwood Realty Group' })).toBeVisible();
  // Kestrel Accounting is Northwind's (the parent's), Revontuli Kahvila Oy is Tailspin's (a sibling's).
  for (const other of ['Kestrel', 'Revontuli']) {
    await barInput(page).fill(other);
    await expect(bar(page).getByRole('status')).toContainText(`Nothing found for “${other}”`);
    await expect(bar(page).getByRole('option')).toHaveCount(0);
  }
});

test('? opens the keyboard shortcuts help; it lists the shortcuts and Escape closes it', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await ready(page, `/o/${DEMO_ORG_IDS.northwind}/customers`);
  await page.locator('body').press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const text of [
    'Ctrl',
    'Open the command bar',
    'Next row in a list',
    'Previous row in a list',
    'Search the list on this page',
    'Esc',
  ])
    await expect(help).toContainText(text);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // While typing in a field, ? is a character, not a shortcut.
  const search = page.getByLabel('Search customers', { exact: true });
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type('?');
  await expect(help).toBeHidden();
  await expect(search).toHaveValue('?');
});

test('j/k move the highlighted row of the customer list and Enter opens it', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await ready(page, `/o/${DEMO_ORG_IDS.northwind}/customers?sort=name&dir=asc`);
  const rows = page.getByTestId('customers-table').locator('tbody > tr');
  await expect(rows.nth(2)).toBeVisible();
  const second = (await rows.nth(1).getByRole('link').first().innerText()).trim();
  await page.locator('body').press('j');
  await expect(rows.nth(0)).toHaveAttribute('data-row-highlighted', '');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(rows.nth(1)).toHaveAttribute('data-row-highlighted', '');
  await expect(rows.nth(0)).not.toHaveAttribute('data-row-highlighted', '');
  await expect(rows.nth(1).getByRole('link').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]customer=[0-9a-f-]{36}/);
  await expect(page.getByTestId('customer-panel')).toContainText(second);
});
