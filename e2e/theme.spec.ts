// Issue 17.10: the dark theme. The choice (System / Light / Dark, in the user menu) is a
// cookie the server renders into <html data-theme>, so the HTML already carries it (no flash
// of the other theme); "System" follows the browser's prefers-color-scheme.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

const { northwind, bluebirdBakery } = DEMO_ORG_IDS;

/** The page background as the user sees it: dark when its luminance is low. */
async function pageIsDark(page: Page) {
  return page.evaluate(() => {
    const probe = document.createElement('canvas').getContext('2d')!;
    probe.fillStyle = getComputedStyle(document.body).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 128;
  });
}

async function chooseInUserMenu(page: Page, theme: 'System' | 'Light' | 'Dark') {
  const group = page.getByRole('group', { name: 'Theme' });
  if (!(await group.isVisible())) await page.getByLabel('User menu').click();
  await group.getByText(theme, { exact: true }).click();
  await expect(group.getByRole('radio', { name: theme })).toBeChecked();
}

test('choosing Dark applies at once and persists across navigation and reload, rendered by the server', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  expect(await pageIsDark(page)).toBe(false);
  await chooseInUserMenu(page, 'Dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await pageIsDark(page)).toBe(true);

  // Client-side navigation keeps it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  expect(await pageIsDark(page)).toBe(true);

  // A reload, and the raw HTML the server sends: the theme is there before any script runs.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await pageIsDark(page)).toBe(true);
  const html = await (await page.request.get(`/o/${northwind}/billing`)).text();
  expect(html).toMatch(/<html[^>]*data-theme="dark"/);

  // And back to Light.
  await chooseInUserMenu(page, 'Light');
  expect(await pageIsDark(page)).toBe(false);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test.describe('with the system set to dark', () => {
  test.use({ colorScheme: 'dark' });

  test('"System" (the default) follows it, and Light overrides it', async ({ page }) => {
    // Before signing in too: the sign-in page has no menu, it follows the system.
    await page.goto('/sign-in');
    expect(await pageIsDark(page)).toBe(true);
    await signIn(page, 'admin@bluebird-bakery.test');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
    expect(await pageIsDark(page)).toBe(true);
    await page.getByLabel('User menu').click();
    await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'System' })).toBeChecked();

    await chooseInUserMenu(page, 'Light');
    expect(await pageIsDark(page)).toBe(false);
    await page.reload();
    expect(await pageIsDark(page)).toBe(false);
  });
});

test('with the system set to light, "System" is light', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await signIn(page, 'sales.full@contoso.test');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  expect(await pageIsDark(page)).toBe(false);
  await context.close();
});

test("a partner's branding accents apply per theme in its customers' views", async ({ page, browser }) => {
  // Two accounts, two saves: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  await signIn(page, 'full.admin@northwind.test');
  const saveAccents = async (light: string, dark: string) => {
    await page.goto(`/o/${northwind}/settings/branding`);
    await page.getByLabel('Accent colour, light theme').fill(light);
    await page.getByLabel('Accent colour, dark theme').fill(dark);
    await page.getByRole('button', { name: 'Save branding' }).click();
    await expect(page.getByText('Branding saved.')).toBeVisible();
  };
  await saveAccents('#14532d', '#86efac');
  try {
    const other = await browser.newContext();
    const customer = await other.newPage();
    await signIn(customer, 'admin@bluebird-bakery.test');
    // Customer admins land on Home; Users holds the primary button (Add users).
    await customer.goto(`/o/${bluebirdBakery}/users`);
    const primary = customer.getByRole('button', { name: 'Add users' }).or(customer.getByRole('link', { name: 'Add users' }));
    const background = () => primary.first().evaluate((el) => getComputedStyle(el).backgroundColor);
    await expect.poll(background).toBe('rgb(20, 83, 45)');
    await chooseInUserMenu(customer, 'Dark');
    await expect.poll(background).toBe('rgb(134, 239, 172)');
    await other.close();
  } finally {
    await saveAccents('', '');
  }
});
