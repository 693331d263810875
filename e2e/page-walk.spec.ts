// Issue 17.6 and 17.12: a walk over every page for each kind of account. At 390 and 360 px
// no page scrolls sideways (wide tables scroll inside their own frame), and axe finds no
// serious or critical accessibility violation (WCAG 2.1 A/AA rules) on any page.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

const { northwind, contoso, acmeDental, bluebirdBakery } = DEMO_ORG_IDS;

const WALKS: { account: string; pages: string[] }[] = [
  {
    account: 'full.admin@northwind.test',
    pages: [
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
  },
  {
    account: 'sales.full@contoso.test',
    pages: [`/o/${contoso}/overview`, `/o/${contoso}/customers`, `/o/${contoso}/customers/start-trial`, `/o/${contoso}/trials`],
  },
  {
    account: 'admin@bluebird-bakery.test',
    pages: [
      `/o/${bluebirdBakery}/home`,
      `/o/${bluebirdBakery}/users`,
      `/o/${bluebirdBakery}/workspaces`,
      `/o/${bluebirdBakery}/locations`,
      `/o/${bluebirdBakery}/account`,
      `/o/${bluebirdBakery}/organisation-settings`,
      `/o/${bluebirdBakery}/calling`,
      `/o/${bluebirdBakery}/services`,
    ],
  },
];

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    if (doc.scrollWidth <= window.innerWidth) return null;
    // Name the widest culprits, so a failure says where to look.
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= window.innerWidth + 1)
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].slice(0, 3).join('.')}`);
    return `${doc.scrollWidth}px wide (${wide.join(', ')})`;
  });
}

for (const walk of WALKS) {
  test(`every page fits a phone and passes axe for ${walk.account}`, async ({ page }) => {
    test.setTimeout(480_000);
    await signIn(page, walk.account);
    const problems: string[] = [];
    for (const path of walk.pages) {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      for (const width of [390, 360]) {
        // The layout reflows on resize: no second load needed for the narrower phone.
        await page.setViewportSize({ width, height: 844 });
        const overflow = await horizontalOverflow(page);
        if (overflow) problems.push(`${path} at ${width}px: ${overflow}`);
      }
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const v of axe.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
        problems.push(
          `${path}: axe ${v.impact} ${v.id} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
        );
      }
    }
    expect(problems).toEqual([]);
  });
}

test('on a phone the main navigation is collapsed behind a Menu button and opens on demand', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'full.admin@northwind.test');
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Billing' })).toBeVisible();
  // It closes once a page is chosen.
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});
