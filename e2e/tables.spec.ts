// Issue 17.5, dense full-width tables: the list uses the whole 1440 px screen, cells stay on
// one line with the full value as a tooltip, the header sticks while the rows scroll, the
// chosen columns survive a reload, each row has one keyboard-operable Actions menu, RBPM
// can be switched for several customers at once, Activity reads in words with a diff, and
// the Overview's tiles open the filtered list.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

const northwind = `/o/${DEMO_ORG_IDS.northwind}`;

// Each test walks a whole flow (a list, a reload, a second page): more than the default
// minute when the shared 2-core machine is loaded.
test.describe.configure({ timeout: 150_000 });

async function wide(page: Page) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'full.admin@northwind.test');
}

const noPageScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('the customer list: full width, one-line cells with tooltips, a sticky header, columns remembered across a reload', async ({
  page,
}) => {
  await wide(page);
  await page.goto(`${northwind}/customers`);
  const table = page.getByTestId('customers-table');
  await expect(table.getByTestId('customer-row')).toHaveCount(25);

  // No ~1200 px cap: the table reaches the right edge of a 1440 px screen.
  const frame = page.getByTestId('customers-table-frame');
  const box = (await frame.boundingBox())!;
  expect(box.x + box.width).toBeGreaterThan(1400);
  expect(await noPageScroll(page)).toBe(true);

  // Packages: one chip and "+N" on one line, every package named in the tooltip.
  const chips = table.getByTestId('package-chips');
  for (const chip of await chips.all()) expect((await chip.boundingBox())!.height).toBeLessThan(30);
  const kestrel = table.getByTestId('customer-row').filter({ hasText: 'Kestrel Accounting' });
  if (await kestrel.count()) await expect(kestrel.getByTestId('package-chips')).toHaveAttribute('title', /, /);
  const several = chips.filter({ hasText: /\+\d/ }).first();
  await expect(several).toHaveAttribute('title', /, /);

  // External IDs (and long names) are cut to one line, the whole value as the tooltip.
  const ext = table.locator('td[data-col="externalId"] [data-truncate]').first();
  const text = (await ext.textContent())!;
  await expect(ext).toHaveAttribute('title', text);
  expect(await ext.evaluate((el) => [getComputedStyle(el).textOverflow, getComputedStyle(el).whiteSpace])).toEqual(['ellipsis', 'nowrap']);
  const name = table.getByTestId('customer-row').first().getByRole('link').first();
  await expect(name).toHaveAttribute('title', new RegExp(`^${(await name.textContent())!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

  // Sticky header: scrolled to the bottom of the rows, the header is still at the top of the frame.
  await frame.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  expect(await frame.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
  const head = (await table.locator('thead').boundingBox())!;
  expect(Math.abs(head.y - box.y)).toBeLessThan(3);
  await expect(table.getByRole('columnheader', { name: 'Status' })).toBeInViewport();

  // Columns: hide External ID and Users; the choice survives a reload.
  const columns = page.getByRole('button', { name: /^Columns/ });
  await columns.click();
  const menu = page.getByRole('group', { name: 'Columns shown' });
  await menu.getByRole('checkbox', { name: 'External ID' }).uncheck();
  await menu.getByRole('checkbox', { name: 'Users' }).uncheck();
  await expect(table.getByRole('columnheader', { name: 'External ID' })).toBeHidden();
  await expect(table.getByRole('columnheader', { name: 'Users' })).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(columns).toBeFocused();
  await page.reload();
  await expect(table.getByTestId('customer-row').first()).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'External ID' })).toBeHidden();
  await expect(table.locator('td[data-col="externalId"]').first()).toBeHidden();
  await expect(table.getByRole('columnheader', { name: 'Packages' })).toBeVisible();
  await columns.click();
  await expect(menu.getByRole('checkbox', { name: 'External ID' })).not.toBeChecked();
  await menu.getByRole('checkbox', { name: 'External ID' }).check();
  await menu.getByRole('checkbox', { name: 'Users' }).check();
  await expect(table.getByRole('columnheader', { name: 'External ID' })).toBeVisible();
});

test('a user row has one Actions menu, operable by keyboard', async ({ page }) => {
  await wide(page);
  await page.goto(`/o/${DEMO_ORG_IDS.bluebirdBakery}/users`);
  const row = page.getByTestId('users-table').getByRole('row').nth(1);
  const opener = row.getByRole('button', { name: /^Actions for / });
  const who = (await opener.getAttribute('aria-label'))!.replace(/^Actions for /, '');
  // One menu button per row instead of stacked buttons.
  await expect(row.getByRole('button')).toHaveCount(1);

  await opener.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: `Actions for ${who}` });
  await expect(menu).toBeVisible();
  await expect(opener).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('menuitem', { name: `Change package of ${who}` })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: `Edit ${who}` })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: `Remove ${who}` })).toBeFocused();
  await page.keyboard.press('ArrowDown'); // wraps around
  await expect(menu.getByRole('menuitem', { name: `Change package of ${who}` })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(opener).toBeFocused();

  // ↓ opens it too; Enter on an item runs it, and the dialog hands focus back to the menu button.
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: `Change package of ${who}` })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Edit ${who}` });
  await expect(dialog).toBeVisible();
  await expect(menu).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('Restricted by Partner Mode for two customers at once, then Activity shows it in words with the change', async ({ page }) => {
  await wide(page);
  await page.goto(`${northwind}/customers?sort=name`);
  const table = page.getByTestId('customers-table');
  const names = ['Brightwater Plumbing', 'Camden Print Studio'];
  const rows = names.map((n) => table.getByTestId('customer-row').filter({ hasText: n }));
  for (const r of rows) await expect(r).toHaveCount(1);

  for (const n of names) await page.getByRole('checkbox', { name: `Select ${n}` }).check();
  await expect(page.getByTestId('bulk-count')).toHaveText('2 customers selected');
  await page.getByRole('button', { name: 'Turn off Restricted by Partner Mode' }).click();
  const confirm = page.getByRole('dialog', { name: 'Turn off Restricted by Partner Mode for 2 customers?' });
  for (const n of names) await expect(confirm).toContainText(n);
  await confirm.getByRole('button', { name: 'Turn off' }).click();
  await expect(confirm).toHaveCount(0);

  const results = page.getByTestId('bulk-rbpm-results');
  await expect(results).toContainText('2 of 2 applied');
  for (const n of names) await expect(results).toContainText(new RegExp(`${n}: (turned|already) off`));
  for (const r of rows) await expect(r.getByTestId('customer-rbpm')).toHaveText('Off');
  await expect(page.getByRole('checkbox', { name: `Select ${names[0]}` })).not.toBeChecked();
  await page.reload();
  for (const r of rows) await expect(r.getByTestId('customer-rbpm')).toHaveText('Off');

  // And back on, for both.
  await page.getByRole('checkbox', { name: 'Select all customers on this page' }).check();
  await page.getByRole('checkbox', { name: 'Select all customers on this page' }).uncheck();
  for (const n of names) await page.getByRole('checkbox', { name: `Select ${n}` }).check();
  await page.getByRole('button', { name: 'Turn on Restricted by Partner Mode' }).click();
  await page
    .getByRole('dialog', { name: 'Turn on Restricted by Partner Mode for 2 customers?' })
    .getByRole('button', { name: 'Turn on' })
    .click();
  await expect(results).toContainText(`${names[1]}: turned on`);
  for (const r of rows) await expect(r.getByTestId('customer-rbpm')).toHaveText('On');

  // Activity: the action in words, the before/after as "old → new", and no sideways scroll.
  await page.goto(`${northwind}/activity?action=customer.rbpm.update`);
  const entry = page.getByTestId('activity-table').locator('tbody tr').filter({ hasText: names[1] }).first();
  await expect(entry.getByTestId('activity-action')).toHaveText('Restricted by Partner Mode changed');
  await expect(entry.getByTestId('activity-action')).toHaveAttribute('title', 'customer.rbpm.update');
  await expect(entry.getByTestId('audit-changes')).toHaveText(/Restricted by Partner Mode:\s*Off\s*→\s*On/);
  await expect(page.getByLabel('Action', { exact: true })).toHaveValue('customer.rbpm.update');
  await expect(page.getByLabel('Action', { exact: true }).locator('option:checked')).toHaveText('Restricted by Partner Mode changed');
  const frame = page.getByTestId('activity-table-frame');
  expect(await frame.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(await noPageScroll(page)).toBe(true);
});

test('Overview tiles and rows open the filtered list', async ({ page }) => {
  await wide(page);
  await page.goto(`${northwind}/overview`);
  await page
    .getByTestId('customers-by-status')
    .getByRole('link', { name: /^Error \d/ })
    .click();
  await expect(page).toHaveURL(/\/customers\?status=error$/);
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('error');
  const statuses = page.getByTestId('customers-table').getByTestId('customer-status');
  await expect(statuses.first()).toBeVisible();
  for (const s of await statuses.all()) await expect(s).toHaveAttribute('data-status', 'error');

  await page.goto(`${northwind}/overview`);
  await page.getByTestId('seats-by-package').getByRole('link').filter({ hasText: 'Webex Meetings' }).click();
  await expect(page).toHaveURL(/\/customers\?package=webex_meetings$/);
  await expect(page.getByLabel('Package', { exact: true })).toHaveValue('webex_meetings');
  for (const chips of await page.getByTestId('package-chips').all()) await expect(chips).toHaveAttribute('title', /Webex Meetings/);

  await page.goto(`${northwind}/overview`);
  await page.getByRole('link', { name: /Onboarding templates/ }).click();
  await expect(page).toHaveURL(/\/customers\/templates$/);
});
