// Issue 17.6 and 17.12: a walk over every page for every demo account (e2e/walk.ts). At 390
// and 360 px no page scrolls sideways (wide tables scroll inside their own frame), and axe
// finds no serious or critical accessibility violation (WCAG 2.1 A/AA rules) on any page, in
// the light theme and in the dark one (where the contrast is re-checked against its palette).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support';
import { chooseTheme, walkPages, WALK_ACCOUNTS, type Theme } from './walk';

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

async function seriousViolations(page: Page, where: string) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: axe ${v.impact} ${v.id} — ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n').pop()?.trim() ?? ''}`)
          .join(' | ')}`,
    );
}

/**
 * Switches the loaded page to another theme as the user menu does (the attribute on <html>;
 * e2e/theme.spec.ts shows the server renders the same from the cookie), then waits for colour
 * transitions to settle so axe measures the final colours.
 */
async function switchTheme(page: Page, theme: Theme) {
  await page.evaluate((t) => {
    document.documentElement.dataset.theme = t;
  }, theme);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

// One walk per account: spread over the workers instead of one after another in a single one.
test.describe.configure({ mode: 'parallel' });

for (const account of WALK_ACCOUNTS) {
  test(`every page fits a phone and passes axe, light and dark, for ${account}`, async ({ page }) => {
    test.setTimeout(600_000);
    await signIn(page, account);
    await chooseTheme(page, 'light');
    const problems: string[] = [];
    for (const path of await walkPages(page, account)) {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      for (const width of [390, 360]) {
        // The layout reflows on resize: no second load needed for the narrower phone.
        await page.setViewportSize({ width, height: 844 });
        const overflow = await horizontalOverflow(page);
        if (overflow) problems.push(`${path} at ${width}px: ${overflow}`);
      }
      problems.push(...(await seriousViolations(page, `${path} (light)`)));
      await switchTheme(page, 'dark');
      problems.push(...(await seriousViolations(page, `${path} (dark)`)));
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
