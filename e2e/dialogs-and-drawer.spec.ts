// Issue 17.4: one Dialog primitive (centred, modal) and one Drawer primitive that never
// covers the shell's top bars: with the customer drawer open, the cross-launch banner's
// "Back to …" and the user menu stay clickable.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

async function expectCentred(page: Page, dialog: Locator) {
  await expect(dialog).toBeVisible();
  const box = await dialog.boundingBox();
  const vp = page.viewportSize();
  if (!box || !vp) throw new Error('no layout');
  expect(Math.abs(box.x + box.width / 2 - vp.width / 2)).toBeLessThan(2);
  expect(Math.abs(box.y + box.height / 2 - vp.height / 2)).toBeLessThan(2);
}

test('Change package, Edit and Remove dialogs in the customer view are centred, modal and close with Escape', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.bluebirdBakery}/users`);
  const firstRow = page.getByTestId('users-table').getByRole('row').nth(1);
  // The row's actions sit in one menu; a dialog opened from it returns focus to the menu button.
  const opener = firstRow.getByRole('button', { name: /^Actions for / });
  for (const action of ['Change package of', 'Edit', 'Remove']) {
    await opener.click();
    await firstRow.getByRole('menuitem', { name: new RegExp(`^${action} `) }).click();
    const dialog = page.getByRole('dialog');
    await expectCentred(page, dialog);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(opener).toBeFocused();
  }
});

test('with the customer drawer open, the cross-launch banner and the user menu stay clickable', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.fabrikam}/customers`);
  await expect(page.getByTestId('cross-launch-banner')).toContainText('Viewing Fabrikam Networks as Northwind Telecom administrator');
  await page.getByTestId('customers-table').getByRole('row').nth(1).getByRole('link').first().click();
  const drawer = page.getByTestId('customer-panel');
  await expect(drawer).toBeVisible();
  const banner = await page.getByTestId('cross-launch-banner').boundingBox();
  const header = await page.locator('[data-shell-top]').boundingBox();
  const panel = await drawer.boundingBox();
  expect(banner && header && panel).toBeTruthy();
  expect(panel!.y).toBeGreaterThanOrEqual(header!.y + header!.height - 1);

  await page.getByLabel('User menu').click();
  await expect(page.getByRole('link', { name: 'Sign out' })).toBeVisible();
  await page.getByLabel('User menu').click();
  await page.getByRole('link', { name: 'Back to Northwind Telecom' }).click();
  await expect(page.getByTestId('org-name')).toHaveText('Northwind Telecom');
});

test('on a phone the drawer also starts below the banner', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.fabrikam}/customers`);
  await page.getByTestId('customers-table').getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page.getByTestId('customer-panel')).toBeVisible();
  await page.getByRole('link', { name: 'Back to Northwind Telecom' }).click();
  await expect(page.getByTestId('org-name')).toHaveText('Northwind Telecom');
});
