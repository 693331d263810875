// The page walk shared by the page-walk spec (phone widths + axe, light and dark) and
// `npm run screenshots`: for every demo account, its main navigation plus the pages the
// navigation doesn't link (forms, settings sub-pages, a cross-launched customer view).
import { expect, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_ORG_IDS } from '../lib/demo/accounts';

const { northwind, contoso, acmeDental, bluebirdBakery } = DEMO_ORG_IDS;

const EXTRA_PAGES: Record<string, string[]> = {
  'full.admin@northwind.test': [
    `/o/${northwind}/overview`,
    `/o/${northwind}/customers`,
    `/o/${northwind}/customers/new`,
    `/o/${northwind}/customers/templates`,
    `/o/${northwind}/customers/templates/new`,
    `/o/${northwind}/indirect-providers`,
    `/o/${northwind}/indirect-providers/new`,
    `/o/${northwind}/billing`,
    `/o/${northwind}/analytics`,
    `/o/${northwind}/activity`,
    `/o/${northwind}/settings`,
    `/o/${northwind}/settings/administrators`,
    `/o/${northwind}/settings/api-tokens`,
    `/o/${northwind}/settings/branding`,
    // Cross-launched into a customer's view.
    `/o/${acmeDental}/home`,
    `/o/${acmeDental}/users`,
    `/o/${acmeDental}/setup`,
  ],
  'sales.full@contoso.test': [
    `/o/${contoso}/overview`,
    `/o/${contoso}/customers`,
    `/o/${contoso}/customers/start-trial`,
    `/o/${contoso}/trials`,
  ],
  'admin@bluebird-bakery.test': [
    `/o/${bluebirdBakery}/users`,
    `/o/${bluebirdBakery}/workspaces`,
    `/o/${bluebirdBakery}/locations`,
    `/o/${bluebirdBakery}/account`,
    `/o/${bluebirdBakery}/organisation-settings`,
    `/o/${bluebirdBakery}/calling`,
    `/o/${bluebirdBakery}/services`,
  ],
};

/** Every demo account (README "Demo accounts"): one walk per role. */
export const WALK_ACCOUNTS = DEMO_ACCOUNTS.map((a) => a.email);

/** The pages of one account's walk: the listed ones, then whatever its navigation adds. Call signed in. */
export async function walkPages(page: Page, account: string): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeAttached();
  const hrefs = await nav.getByRole('link', { includeHidden: true }).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set([...(EXTRA_PAGES[account] ?? []), ...hrefs.filter((h) => h.startsWith('/o/'))])];
}

export type Theme = 'light' | 'dark';

/** Sets the theme preference the user menu stores (the cookie the server renders from). Call on a loaded page. */
export async function chooseTheme(page: Page, theme: Theme) {
  await page.context().addCookies([{ name: 'theme', value: theme, url: new URL(page.url()).origin }]);
}
