// The template wizard's fields have one list (lib/templates/template-fields.ts): a field
// added to the schema and forgotten in a step, the form's defaults, its control, the saved
// columns or the Summary is a type error. The @ts-expect-error lines below make
// `npm run typecheck` fail the day one of those mappings stops requiring every field; the
// runtime checks prove what the user sees (Edit then Submit saves the template unchanged,
// the Summary lists every setting).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { SETTING_ROWS, templateSettingGroups, type SettingRows } from '@/app/o/[orgId]/customers/templates/template-setting-groups';
import { WIZARD_STEPS, firstStepWithError } from '@/app/o/[orgId]/customers/templates/wizard-config';
import { FIELD_CONTROLS, type FieldControls } from '@/app/o/[orgId]/customers/templates/wizard-steps';
import type { onboardingTemplates } from '@/db/schema';
import {
  TEMPLATE_FIELD_STEPS,
  newTemplateFormValues,
  templateColumns,
  templateFieldNames,
  templateFormValues,
  type TemplateColumns,
  type TemplateFieldSteps,
  type TemplateFormDefaults,
} from '@/lib/templates/template-fields';
import { templateSchema, type TemplateField } from '@/lib/templates/template-schema';
import { templateSnapshot } from '@/lib/templates/template-snapshot';

const saved: typeof onboardingTemplates.$inferSelect = {
  id: '0b1e0000-0000-4000-8000-0000000000aa',
  orgId: '0b1e0000-0000-4000-8000-0000000000bb',
  name: 'SAML standard',
  type: 'webex_wholesale',
  country: 'GB',
  serviceProviderAdminId: '0b1e0000-0000-4000-8000-000000000001',
  subscriptionId: 'Sub-1',
  authMode: 'saml',
  idpEntityId: 'https://idp.example.test/saml',
  idpName: null,
  pstnProviderId: 'pstn-1',
  allowAdminInviteEmails: true,
  brandName: 'Northwind',
  disableWebexCalling: true,
  defaultLanguage: 'en_GB',
  provisioningId: 'PRV-1',
  createdBy: null,
  createdAt: new Date('2026-11-01T00:00:00Z'),
  updatedAt: new Date('2026-11-01T00:00:00Z'),
};

const schemaFields = Object.keys(templateSchema.in.shape).sort();

describe('template fields: one list for steps, defaults, columns and the Summary', () => {
  it('covers exactly the schema’s fields, each in one wizard step', () => {
    expect([...templateFieldNames()].sort()).toEqual(schemaFields);
    expect(WIZARD_STEPS.flatMap((s) => s.fields).sort()).toEqual(schemaFields);
    expect(Object.keys(newTemplateFormValues({ subscriptionId: '', serviceProviderAdminId: '' })).sort()).toEqual(schemaFields);
    expect(Object.keys(templateColumns(saved)).sort()).toEqual(schemaFields);
    // Every field has a control in the wizard, or is shown inside one that has (the IdP values).
    for (const f of templateFieldNames()) {
      const control = FIELD_CONTROLS[f];
      expect(typeof ('shownIn' in control ? FIELD_CONTROLS[control.shownIn] : control), f).toBe('function');
    }
    expect(firstStepWithError(['brandName', 'idpEntityId'])).toBe(WIZARD_STEPS.findIndex((s) => s.id === 'auth'));
  });

  it('Edit then Submit without a change saves the template as it was, and audits every setting', () => {
    const resubmitted = templateSchema.parse(templateFormValues(saved));
    expect(templateColumns(resubmitted)).toEqual(templateColumns(saved));
    expect(templateSnapshot(saved)).toEqual({ ...templateColumns(saved), provisioningId: 'PRV-1' });
  });

  it('the Summary shows a row for every setting of the chosen authentication', () => {
    const labels = templateSettingGroups({ ...saved, adminLabel: 'Ann Admin (ann@x.test)', pstnProviderLabel: 'Tel One' }).flatMap((g) =>
      g.rows.map((r) => r.label),
    );
    expect(labels).toEqual([
      'Template type',
      'Template name',
      'Country or region',
      'Service provider administrator',
      'Wholesale subscription',
      'Authentication',
      'IdP entity ID',
      'Cloud Connected PSTN provider',
      'Allow admin invite emails when attaching to existing organisations',
      'Brand name',
      'Disable Webex calling (1:1, non-PSTN)',
      'Default language',
    ]);
  });

  it('a forgotten field does not compile (checked by npm run typecheck, tsconfig.tests.json)', () => {
    // The real mappings are typed with the exhaustive types…
    expectTypeOf(TEMPLATE_FIELD_STEPS).toEqualTypeOf<TemplateFieldSteps>();
    expectTypeOf(SETTING_ROWS).toEqualTypeOf<SettingRows>();
    expectTypeOf(FIELD_CONTROLS).toEqualTypeOf<FieldControls>();
    expectTypeOf(templateColumns).returns.toEqualTypeOf<TemplateColumns>();
    expectTypeOf(newTemplateFormValues).returns.toEqualTypeOf<TemplateFormDefaults>();
    expectTypeOf(templateFormValues).returns.toEqualTypeOf<TemplateFormDefaults>();
    expectTypeOf<keyof TemplateColumns>().toEqualTypeOf<TemplateField>();

    // …and each of those types refuses a mapping that leaves a field out.
    const { brandName: _s, ...stepsWithoutBrand } = TEMPLATE_FIELD_STEPS;
    // @ts-expect-error brandName has no wizard step
    const steps: TemplateFieldSteps = stepsWithoutBrand;

    const { brandName: _r, ...rowsWithoutBrand } = SETTING_ROWS;
    // @ts-expect-error brandName has no Summary row
    const rows: SettingRows = rowsWithoutBrand;

    const { brandName: _w, ...controlsWithoutBrand } = FIELD_CONTROLS;
    // @ts-expect-error brandName has no control in the wizard
    const controls: FieldControls = controlsWithoutBrand;

    const { brandName: _c, ...columnsWithoutBrand } = templateColumns(saved);
    // @ts-expect-error brandName would not be saved
    const columns: TemplateColumns = columnsWithoutBrand;

    const { brandName: _d, ...defaultsWithoutBrand } = templateFormValues(saved);
    // @ts-expect-error brandName would start empty in Edit
    const defaults: TemplateFormDefaults = defaultsWithoutBrand;

    // The incomplete mappings above really lack the field the directives are about.
    expect([steps, rows, controls, columns, defaults].map((m) => 'brandName' in m)).toEqual([false, false, false, false, false]);
  });
});
