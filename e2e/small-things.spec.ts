// Issue 17.9: the small things — the refusal that names the right way forward, report
// types in words, a Create report button on one line, only eligible service provider
// administrators (a sole one preselected), a skip link, and Workspaces saying why there
// is no Add under Restricted by Partner Mode.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

const { northwind, fabrikam, acmeDental, bluebirdBakery } = DEMO_ORG_IDS;

test('cross-launched, Billing tells a full admin where its reports are made, not to ask a full admin', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${fabrikam}/billing`);
  const refusal = page.getByTestId('forbidden');
  await expect(refusal).toContainText('Not available when cross-launched.');
  await expect(refusal).not.toContainText('Ask a partner full administrator');
  await expect(page.getByTestId('forbidden-next')).toContainText(
    'Billing reports are created by Northwind Telecom: on its Billing page, choose Fabrikam Networks as the indirect provider.',
  );
  await refusal.getByRole('link', { name: 'Billing page' }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${northwind}/billing$`));
  await expect(page.getByLabel('Indirect provider').locator('option', { hasText: 'Fabrikam Networks' })).toHaveCount(1);
});

/** Distinct line boxes of an element's text: 1 = it did not wrap. */
const lines = (l: Locator) =>
  l.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });

test('report types read as words, and Create report stays on one line at every width', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${northwind}/billing`);
  const type = page.getByLabel('Report type');
  await expect(type.locator('option')).toHaveText(['Partner (per package)', 'Customer (per location)', 'User (per subscriber)']);
  const create = page.getByRole('button', { name: 'Create report' });
  for (const width of [1440, 1024, 768, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await lines(create), `Create report at ${width}px`).toBe(1);
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // A User report three months back (a period no other test uses), cleared first on a re-run.
  const now = new Date();
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const start = iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 1)));
  const end = iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 3)));
  const row = page.locator(`[data-testid="report-row"][data-type="USER"][data-period="${start}/${end}"]`);
  const remove = async () => {
    await row.getByRole('button', { name: /^Delete the User report/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete billing report?' });
    await expect(dialog).toContainText('The User report for');
    await dialog.getByRole('button', { name: 'Delete report' }).click();
    await expect(row).toHaveCount(0);
  };
  if (await row.count()) await remove();
  await page.getByLabel('Billing start date').fill(start);
  await page.getByLabel('Billing end date').fill(end);
  await type.selectOption({ label: 'User (per subscriber)' });
  await create.click();
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').nth(1)).toHaveText('Userper subscriber');
  await expect(row).not.toContainText('USER');
  await remove();
});

async function primarySettings(page: Page, orgId: string) {
  await page.goto(`/o/${orgId}/customers/templates/new`);
  await page.getByRole('button', { name: 'Next' }).click();
  const picker = page.getByLabel('Service provider administrator');
  // allTextContents() does not wait: the step must be on screen first.
  await expect(picker).toBeVisible();
  return picker;
}

test('the service provider administrator picker offers only eligible admins and preselects a sole one', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  let picker = await primarySettings(page, northwind);
  const options = await picker.locator('option').allTextContents();
  expect(options.some((o) => o.includes('wholesale.admin@northwind.test'))).toBe(true);
  // A read-only administrator could not act on the customers the template creates (SPEC §1.2).
  expect(options.some((o) => o.includes('readonly@northwind.test'))).toBe(false);
  await expect(picker.locator('option:checked')).toContainText('full.admin@northwind.test');

  // Cross-launched into Fabrikam the signed-in admin is not one of its admins; its only one is chosen.
  picker = await primarySettings(page, fabrikam);
  await expect(picker.locator('option')).toHaveText(['Choose an administrator', 'Fiona Fabrikam (admin@fabrikam.test)']);
  await expect(picker.locator('option:checked')).toHaveText('Fiona Fabrikam (admin@fabrikam.test)');
});

test('a skip link is the first Tab stop, shows on focus and moves focus to the page content', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${northwind}/customers`);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  expect((await skip.boundingBox())!.width).toBeGreaterThan(40);
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  // The next Tab continues inside the page, past the header and navigation.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
});

test('under RBPM Workspaces says why there is no Add; without it Add workspace is there', async ({ page, browser }) => {
  await signIn(page, 'admin@acme-dental.test');
  await page.goto(`/o/${acmeDental}/workspaces`);
  await expect(page.getByTestId('add-workspace-reason')).toContainText(
    'Your partner has restricted adding workspaces (Restricted by Partner Mode is on).',
  );
  await expect(page.getByRole('button', { name: 'Add workspace' })).toHaveCount(0);

  const other = await browser.newPage();
  await signIn(other, 'admin@bluebird-bakery.test');
  await other.goto(`/o/${bluebirdBakery}/workspaces`);
  await expect(other.getByRole('button', { name: 'Add workspace' })).toBeVisible();
  await expect(other.getByTestId('add-workspace-reason')).toHaveCount(0);
  await other.close();
});
