// Issue 17.1: no input is lost while a page loads. Until React has hydrated a form its
// controls are disabled (and the form aria-busy), so nothing a person does is silently
// dropped; the tests hold the page's scripts back to see that state, then click at once
// (`click()`, never a retrying `.check()`) and assert the outcome.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

/** Holds every JavaScript chunk until `release()`: the server-rendered page shows, but nothing is hydrated. */
async function holdScripts(page: Page) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/_next/static/chunks/**', async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

test('Create template: before hydration the controls are inactive, the only type is preselected, and the first click moves on', async ({
  page,
}) => {
  await signIn(page, 'full.admin@northwind.test');
  const release = await holdScripts(page);
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers/templates/new`, { waitUntil: 'commit' });
  const type = page.getByLabel('Webex for Wholesale');
  const next = page.getByRole('button', { name: 'Next' });
  await expect(next).toBeVisible();
  await expect(next).toBeDisabled();
  await expect(type).toBeDisabled();
  await expect(type).toBeChecked();
  await expect(page.locator('form[aria-busy="true"]')).toHaveCount(1);
  release();
  // As soon as it can be clicked, the click counts: no "Choose a template type."
  await next.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Primary settings' })).toBeVisible();
  await expect(page.getByTestId('type-error')).toHaveCount(0);
});

test('Create customer: a value typed the moment the field is usable survives hydration', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`/o/${DEMO_ORG_IDS.northwind}/customers/new`, { waitUntil: 'commit' });
  const company = page.getByLabel('Company name');
  await company.fill('Early Bird Plumbing');
  await expect(page.locator('form[data-hydrated="true"]')).toHaveCount(1);
  await expect(company).toHaveValue('Early Bird Plumbing');
  await page.getByRole('button', { name: 'Next' }).click();
  // The value took part in validation: the error is about the e-mail, not the company name.
  await expect(page.getByTestId('error-companyName')).toHaveCount(0);
  await expect(page.getByLabel('Administrator email')).toBeFocused();
});
