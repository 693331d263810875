import { expect, test, type Page } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

const templatesUrl = (orgId: string) => `/o/${orgId}/customers/templates`;
const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name, exact: true });
const currentStep = (page: Page) => page.getByTestId('wizard-progress').locator('[aria-current="step"]');

async function expectStep(page: Page, title: string) {
  await expect(heading(page, title)).toBeFocused();
  await expect(currentStep(page)).toContainText(title);
}

test('a full admin creates a SAML template through every step, edits it from the summary and copies its provisioning ID', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = unique('E2E SAML');
  const finalName = `${name} v2`;
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(templatesUrl(DEMO_ORG_IDS.northwind));
  await expect(page.getByRole('navigation', { name: 'Customers sections' }).getByRole('link', { name: 'Templates' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await page.getByRole('link', { name: 'Create template' }).click();

  // 1 Template type
  await expect(currentStep(page)).toContainText('Template type');
  // The only template type is preselected.
  await expect(page.getByLabel('Webex for Wholesale')).toBeChecked();
  await page.getByRole('button', { name: 'Next' }).click();

  // 2 Primary settings: the signed-in admin and the only subscription are pre-filled
  await expectStep(page, 'Primary settings');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('name-error')).toHaveText('Enter a template name.');
  await expect(page.getByLabel('Template name')).toBeFocused();
  await page.getByLabel('Template name').fill(name);
  await page.getByLabel('Country or region').selectOption('GB');
  await expect(page.getByLabel('Service provider administrator')).not.toHaveValue('');
  await expect(page.getByLabel('Wholesale subscription')).toHaveValue('Sub-104221');
  await page.getByRole('button', { name: 'Next' }).click();

  // 3 Authentication: SAML needs the IdP entity ID
  await expectStep(page, 'Authentication');
  await page.getByLabel('Partner authentication (SAML)').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('idpEntityId-error')).toHaveText('Enter the IdP entity ID.');
  await expect(heading(page, 'Authentication')).toBeVisible();
  await page.getByLabel('IdP entity ID').fill('https://idp.example.test/saml/metadata');
  await expect(page.getByTestId('idpEntityId-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Next' }).click();

  // 4 Wholesale calling
  await expectStep(page, 'Wholesale calling');
  await expect(page.getByText('can only use Webex Meetings packages')).toBeVisible();
  await page.getByLabel('Cloud Connected PSTN provider').selectOption('pstn-eurolink');
  await page.getByRole('button', { name: 'Next' }).click();

  // 5 Common settings and calling settings
  await expectStep(page, 'Common settings and calling settings');
  const invites = page.getByRole('switch', { name: 'Allow admin invite emails when attaching to existing organisations' });
  await expect(invites).not.toBeChecked();
  await expect(page.getByRole('switch', { name: 'Disable Webex calling (1:1, non-PSTN)' })).not.toBeChecked();
  await expect(page.getByLabel('Default language')).toHaveValue('en_US');
  await invites.check();
  await page.getByLabel('Brand name').fill('Northwind Voice UK');
  await page.getByLabel('Default language').selectOption('en_GB');
  await page.getByRole('button', { name: 'Next' }).click();

  // 6 Summary: every group; Back and Next keep the values
  await expectStep(page, 'Summary');
  await expect(page.getByTestId('settings-primary')).toContainText(name);
  await expect(page.getByTestId('settings-primary')).toContainText('United Kingdom');
  await expect(page.getByTestId('settings-auth')).toContainText('Partner authentication (SAML)');
  await expect(page.getByTestId('settings-auth')).toContainText('https://idp.example.test/saml/metadata');
  await expect(page.getByTestId('settings-calling')).toContainText('EuroLink Telecom');
  await expect(page.getByTestId('settings-common')).toContainText('Northwind Voice UK');
  await expect(page.getByTestId('settings-common')).toContainText('en_GB');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByLabel('Brand name')).toHaveValue('Northwind Voice UK');
  await page.getByRole('button', { name: 'Next' }).click();

  // Edit from the Summary jumps to the step and comes back
  await page.getByTestId('settings-primary').getByRole('button', { name: 'Edit' }).click();
  await expectStep(page, 'Primary settings');
  await expect(page.getByLabel('Template name')).toHaveValue(name);
  await page.getByLabel('Template name').fill(finalName);
  await page.getByRole('button', { name: 'Back to summary' }).click();
  await expectStep(page, 'Summary');
  await expect(page.getByTestId('settings-primary')).toContainText(finalName);

  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('toasts')).toContainText(`Template “${finalName}” created.`);
  await expect(page).toHaveURL(/\/customers\/templates\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(finalName);

  // In the list, then open it and copy the provisioning ID
  await page.getByRole('link', { name: '← All templates' }).click();
  const row = page.getByTestId('templates-table').getByRole('row').filter({ hasText: finalName });
  await expect(row).toContainText('Partner authentication (SAML)');
  await expect(row).toContainText('EuroLink Telecom');
  await expect(row).toContainText('Sub-104221');
  await row.getByRole('link', { name: finalName }).click();
  const shown = (await page.getByTestId('provisioning ID-value').innerText()).trim();
  expect(shown).toMatch(/^[0-9a-f]{32}$/);
  await page.getByRole('button', { name: 'Copy provisioning ID' }).click();
  await expect(page.getByRole('button', { name: 'Copy provisioning ID' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
});

test('the wizard works from the keyboard: Enter moves on, focus lands on each step heading', async ({ page }) => {
  await signIn(page, 'wholesale.admin@northwind.test');
  await page.goto(`${templatesUrl(DEMO_ORG_IDS.northwind)}/new`);
  // The buttons are enabled once the page is interactive.
  await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled();
  await page.getByLabel('Webex for Wholesale').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expectStep(page, 'Primary settings');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Template name')).toBeFocused();
  await page.keyboard.type('Keyboard only');
  await page.keyboard.press('Enter');
  // Country is still missing: focus goes to it, with its error.
  await expect(page.getByLabel('Country or region')).toBeFocused();
  await expect(page.getByTestId('country-error')).toHaveText('Choose a country or region.');
  await page.getByRole('button', { name: 'Back', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expectStep(page, 'Template type');
  await expect(page.getByLabel('Webex for Wholesale')).toBeChecked();
});

test('an unused template is deleted after confirming; one in use can’t be deleted', async ({ page }) => {
  const name = unique('E2E delete');
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(`${templatesUrl(DEMO_ORG_IDS.northwind)}/new`);
  await page.getByLabel('Webex for Wholesale').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Template name').fill(name);
  await page.getByLabel('Country or region').selectOption('US');
  for (const step of ['Authentication', 'Wholesale calling', 'Common settings and calling settings', 'Summary']) {
    await page.getByRole('button', { name: 'Next' }).click();
    await expectStep(page, step);
  }
  await expect(page.getByTestId('settings-calling')).toContainText('None');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Delete template “${name}”?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await dialog.getByRole('button', { name: 'Delete template' }).click();
  await expect(page.getByTestId('toasts')).toContainText(`Template “${name}” deleted.`);
  await expect(page).toHaveURL(new RegExp(`${templatesUrl(DEMO_ORG_IDS.northwind)}$`));
  await expect(page.getByTestId('templates-table')).not.toContainText(name);

  await page.getByRole('link', { name: 'Standard calling – US' }).click();
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeDisabled();
  await expect(page.getByText(/This template is used by \d+ customers? and can't be deleted\./)).toBeVisible();
});

test('editing re-uses the wizard; a duplicate name is refused next to the field at its step and the values are kept', async ({ page }) => {
  await signIn(page, 'wholesale.admin@northwind.test');
  await page.goto(templatesUrl(DEMO_ORG_IDS.northwind));
  await page.getByRole('link', { name: 'Calling – Australia', exact: true }).click();
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByText('Changes apply only to customers created afterwards').first()).toBeVisible();
  await expect(currentStep(page)).toContainText('Summary');
  await expect(page.getByTestId('settings-calling')).toContainText('Southern Cross Voice');

  await page.getByTestId('settings-primary').getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Template name').fill('standard calling – us');
  await page.getByRole('button', { name: 'Back to summary' }).click();
  // The server's pre-check answers on this step's Next: the name field, this step, the typed value kept.
  await expect(page.getByTestId('name-error')).toHaveText('A template with this name already exists.');
  await expect(currentStep(page)).toContainText('Primary settings');
  await expect(page.getByLabel('Template name')).toHaveValue('standard calling – us');
  await expect(page.getByRole('button', { name: 'Submit' })).toHaveCount(0);

  await page.getByLabel('Template name').fill('Calling – Australia & NZ');
  await page.getByRole('button', { name: 'Back to summary' }).click();
  await expect(page.getByTestId('settings-calling')).toContainText('Southern Cross Voice');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByTestId('toasts')).toContainText('Template “Calling – Australia & NZ” saved.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Calling – Australia & NZ');
});

test('a read-only admin sees templates but cannot create, edit or delete them', async ({ page }) => {
  await signIn(page, 'readonly@northwind.test');
  await page.goto(templatesUrl(DEMO_ORG_IDS.northwind));
  await expect(page.getByTestId('templates-table')).toContainText('Standard calling – US');
  await expect(page.getByRole('link', { name: 'Create template' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Standard calling – US' }).click();
  await expect(page.getByTestId('provisioning ID-value')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);

  await page.goto(`${templatesUrl(DEMO_ORG_IDS.northwind)}/new`);
  await expect(page.getByTestId('forbidden')).toContainText("You don't have permission to do this.");
  await expect(page.getByLabel('Template name')).toHaveCount(0);
});

test('a parent admin cross-launched into an indirect provider gets the shared subscription pre-filled and read-only', async ({ page }) => {
  await signIn(page, 'full.admin@northwind.test');
  await page.goto(templatesUrl(DEMO_ORG_IDS.fabrikam));
  await expect(page.getByTestId('cross-launch-banner')).toContainText('Viewing Fabrikam Networks as Northwind Telecom administrator');
  await expect(page.getByTestId('templates-table')).toContainText('Fabrikam Calling');
  await page.getByRole('link', { name: 'Create template' }).click();
  await page.getByLabel('Webex for Wholesale').check();
  await page.getByRole('button', { name: 'Next' }).click();
  const subscription = page.getByLabel('Wholesale subscription');
  await expect(subscription).toHaveValue('Sub-104221');
  await expect(subscription).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('Service provider administrator').locator('option', { hasText: 'admin@fabrikam.test' })).toHaveCount(1);
  await expect(page.getByLabel('Service provider administrator').locator('option', { hasText: 'full.admin@northwind.test' })).toHaveCount(
    0,
  );
});

test('templates are reached from Customers → Templates', async ({ page }) => {
  await signIn(page, 'wholesale.admin@northwind.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'Templates', exact: true }).click();
  await expect(page).toHaveURL(/\/customers\/templates$/);
  await expect(page.getByRole('link', { name: 'Templates', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: 'Create template' })).toBeVisible();
});
