// Every page of the walk, for every demo account, at 1440×900 and 390×844, light and dark,
// saved as full-page PNGs to .data/screenshots/<account>/<theme>-<width>/<page>.png: the set
// to look through side by side when checking that the pages look like one product.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';
import { chooseTheme, walkPages, WALK_ACCOUNTS, type Theme } from './walk';

const OUT = path.join(process.cwd(), '.data', 'screenshots');
const SIZES = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

const ORG_KEYS = new Map<string, string>(Object.entries(DEMO_ORG_IDS).map(([key, id]) => [id, key]));

/** /o/<own org>/customers/new → customers-new; another org's page (cross-launch) → acmeDental-users. */
function fileName(pagePath: string, ownOrg: string) {
  const [, , org = '', ...rest] = pagePath.split('/');
  const name = rest.join('-') || 'home';
  return org === ownOrg ? name : `${ORG_KEYS.get(org) ?? org}-${name}`;
}

for (const account of WALK_ACCOUNTS) {
  test(`screenshots for ${account}`, async ({ page }) => {
    await signIn(page, account);
    const pages = await walkPages(page, account);
    const ownOrg = new URL(page.url()).pathname.split('/')[2] ?? '';
    for (const theme of ['light', 'dark'] as Theme[]) {
      await chooseTheme(page, theme);
      for (const p of pages) {
        for (const size of SIZES) {
          await page.setViewportSize(size);
          if (size === SIZES[0]) await page.goto(p);
          await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
          await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
          await page.screenshot({ path: path.join(OUT, account, `${theme}-${size.width}`, `${fileName(p, ownOrg)}.png`), fullPage: true });
        }
      }
    }
  });
}
