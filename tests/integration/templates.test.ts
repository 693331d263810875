// Onboarding templates (SPEC §3) through the real wrapper: authorisation, the shared zod
// schema, the service rules, the unique index under a race, audit rows.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, customers, onboardingTemplates, pstnProviders, subPartnerSubscriptions, subscriptions } from '@/db/schema';
import type { Actor } from '@/lib/auth/access';
import { runAuthorized } from '@/lib/server/guard';
import { resolveAccess } from '@/lib/auth/access';
import { PACKAGES } from '@/lib/domain/packages';
import { fixedClock } from '@/lib/platform/clock';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/platform/errors';
import type { ServiceDeps } from '@/lib/platform/service-ctx';
import { createTemplate } from '@/lib/templates/create-template';
import { deleteTemplate } from '@/lib/templates/delete-template';
import { getTemplate } from '@/lib/templates/get-template';
import { getTemplateFormOptions } from '@/lib/templates/get-template-form-options';
import { listTemplates } from '@/lib/templates/list-templates';
import {
  deleteTemplateSchema,
  templateNameCheckSchema,
  templateSchema,
  updateTemplateSchema,
  type TemplateFormValues,
} from '@/lib/templates/template-schema';
import { precheckTemplateName } from '@/lib/templates/precheck-template-name';
import { updateTemplate } from '@/lib/templates/update-template';
import { makeAdmin, makeCustomer, makePartner, makeSubPartner } from './support/fixtures';
import { freshDb } from './support/test-db';
import { oneRow } from '@/db/one-row';
import { at, defined, first } from '@/tests/support/rows';

const db = await freshDb();
const deps: ServiceDeps = { db, clock: fixedClock('2026-11-20T10:00:00Z'), jobs: { send: async () => {} } };

let w: {
  parent: string;
  parentSub: string;
  parentUnsharedSub: string;
  sub: string;
  otherSub: string;
  other: string;
  otherSubscription: string;
};
let a: Record<'parentFull' | 'parentWholesale' | 'parentReadonly' | 'subAdmin' | 'otherAdmin', Actor>;

beforeAll(async () => {
  const parent = await makePartner(db, { name: 'Parent Telecom' });
  const sub = await makeSubPartner(db, parent.id, 'Sub Networks');
  const otherSub = await makeSubPartner(db, parent.id, 'Sibling Networks');
  const other = await makePartner(db, { name: 'Unrelated Telecom' });
  const parentSub = await oneRow(db.select().from(subscriptions).where(eq(subscriptions.partnerOrgId, parent.id)), 'parentSub');
  const otherSubscription = await oneRow(
    db.select().from(subscriptions).where(eq(subscriptions.partnerOrgId, other.id)),
    'otherSubscription',
  );
  // A second subscription of the parent that is NOT shared with the sub-partner.
  const unshared = await oneRow(
    db
      .insert(subscriptions)
      .values({ id: 'Sub-unshared', partnerOrgId: parent.id, packages: [...PACKAGES] })
      .returning(),
    'unshared',
  );
  await db.insert(subPartnerSubscriptions).values([
    { subPartnerOrgId: sub.id, subscriptionId: parentSub.id },
    { subPartnerOrgId: otherSub.id, subscriptionId: parentSub.id },
  ]);
  await db.insert(pstnProviders).values([
    { id: 'pstn-test', name: 'Test Voice', countries: ['US'] },
    { id: 'pstn-eu', name: 'EU Voice', countries: ['DE'] },
  ]);
  a = {
    parentFull: await makeAdmin(db, parent.id, ['partner_full_admin', 'wholesale_admin']),
    parentWholesale: await makeAdmin(db, parent.id, ['wholesale_admin']),
    parentReadonly: await makeAdmin(db, parent.id, ['partner_readonly_admin']),
    subAdmin: await makeAdmin(db, sub.id, ['partner_full_admin', 'wholesale_admin']),
    otherAdmin: await makeAdmin(db, other.id, ['partner_full_admin', 'wholesale_admin']),
  };
  w = {
    parent: parent.id,
    parentSub: parentSub.id,
    parentUnsharedSub: unshared.id,
    sub: sub.id,
    otherSub: otherSub.id,
    other: other.id,
    otherSubscription: otherSubscription.id,
  };
});

const valid = (over: Partial<TemplateFormValues> = {}): TemplateFormValues => ({
  type: 'webex_wholesale',
  name: `Template ${Math.random().toString(36).slice(2, 8)}`,
  country: 'US',
  serviceProviderAdminId: a.parentFull.userId,
  subscriptionId: w.parentSub,
  authMode: 'webex',
  idpEntityId: '',
  idpName: '',
  pstnProviderId: 'pstn-test',
  allowAdminInviteEmails: false,
  brandName: 'Parent Voice',
  disableWebexCalling: false,
  defaultLanguage: 'en_US',
  ...over,
});

const create = (actor: Actor, orgId: string, input: unknown) =>
  runAuthorized(deps, { userId: actor.userId, orgId, input }, 'templates.write', templateSchema, createTemplate);
const update = (actor: Actor, orgId: string, input: unknown) =>
  runAuthorized(deps, { userId: actor.userId, orgId, input }, 'templates.write', updateTemplateSchema, updateTemplate);
const remove = (actor: Actor, orgId: string, templateId: string) =>
  runAuthorized(deps, { userId: actor.userId, orgId, input: { templateId } }, 'templates.write', deleteTemplateSchema, deleteTemplate);

const checkName = (actor: Actor, orgId: string, input: unknown) =>
  runAuthorized(deps, { userId: actor.userId, orgId, input }, 'templates.write', templateNameCheckSchema, precheckTemplateName);
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
const count = async (table: typeof onboardingTemplates | typeof auditLog) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
const templateRow = async (id: string) => (await db.select().from(onboardingTemplates).where(eq(onboardingTemplates.id, id)))[0];

/** Runs fn and checks that no template and no audit row was written or changed. */
async function expectNothingChanged(fn: () => Promise<unknown>) {
  const snapshot = async () => ({ templates: await db.select().from(onboardingTemplates), audit: await count(auditLog) });
  const before = await snapshot();
  await fn();
  expect(await snapshot()).toEqual(before);
}

describe('create', () => {
  it('creates a template with an opaque provisioning ID and audits it', async () => {
    const created = await create(
      a.parentFull,
      w.parent,
      valid({ name: '  Calling – US  ', authMode: 'saml', idpEntityId: 'https://idp.test/metadata', idpName: 'left-over' }),
    );
    expect(created.provisioningId).toMatch(/^[0-9a-f]{32}$/);
    const row = defined(await templateRow(created.id), 'row');
    expect(row).toMatchObject({
      orgId: w.parent,
      name: 'Calling – US',
      type: 'webex_wholesale',
      country: 'US',
      authMode: 'saml',
      idpEntityId: 'https://idp.test/metadata',
      idpName: null,
      pstnProviderId: 'pstn-test',
      brandName: 'Parent Voice',
      defaultLanguage: 'en_US',
      createdBy: a.parentFull.userId,
      provisioningId: created.provisioningId,
    });
    expect(row.createdAt.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    const entry = await oneRow(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'template.create'), eq(auditLog.targetId, created.id))),
      'entry',
    );
    expect(entry).toMatchObject({ orgId: w.parent, actorUserId: a.parentFull.userId, actorOrgId: w.parent, targetType: 'template' });
    expect(entry.after).toMatchObject({ name: 'Calling – US', authMode: 'saml', provisioningId: created.provisioningId });
  });

  it('every template gets its own provisioning ID; no PSTN provider and an OIDC IdP name are fine', async () => {
    const one = await create(a.parentWholesale, w.parent, valid({ pstnProviderId: '', authMode: 'oidc', idpName: 'Partner-IdP_1.0~x' }));
    const two = await create(a.parentFull, w.parent, valid());
    expect(one.provisioningId).not.toBe(two.provisioningId);
    expect(await templateRow(one.id)).toMatchObject({
      pstnProviderId: null,
      authMode: 'oidc',
      idpName: 'Partner-IdP_1.0~x',
      idpEntityId: null,
    });
  });

  it('refuses invalid fields with messages per field (the shared schema), writing nothing', async () => {
    const cases: [Partial<TemplateFormValues>, string][] = [
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(81) }, 'name'],
      [{ authMode: 'saml', idpEntityId: '  ' }, 'idpEntityId'],
      [{ authMode: 'oidc', idpName: '' }, 'idpName'],
      [{ authMode: 'oidc', idpName: 'has space' }, 'idpName'],
      [{ authMode: 'oidc', idpName: 'a'.repeat(129) }, 'idpName'],
      [{ country: 'XX' }, 'country'],
      [{ defaultLanguage: 'en_XX' as 'en_US' }, 'defaultLanguage'],
      [{ serviceProviderAdminId: 'nobody' }, 'serviceProviderAdminId'],
      [{ subscriptionId: '' }, 'subscriptionId'],
    ];
    for (const [over, field] of cases) {
      await expectNothingChanged(async () => {
        const err = await rejection(create(a.parentFull, w.parent, valid(over)));
        expect(err, JSON.stringify(over)).toBeInstanceOf(ValidationError);
        expect(Object.keys((err as ValidationError).fieldErrors ?? {}), JSON.stringify(over)).toContain(field);
      });
    }
  });

  it('names are unique per org, ignoring case; another org may use the same name', async () => {
    await create(a.parentFull, w.parent, valid({ name: 'Meetings only' }));
    const err = await rejection(create(a.parentFull, w.parent, valid({ name: 'MEETINGS ONLY' })));
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).fieldErrors).toEqual({ name: ['A template with this name already exists.'] });
    await expect(
      create(
        a.otherAdmin,
        w.other,
        valid({ name: 'Meetings only', subscriptionId: w.otherSubscription, serviceProviderAdminId: a.otherAdmin.userId }),
      ),
    ).resolves.toBeTruthy();
  });

  it("the wizard's name pre-check (Primary settings' Next): taken in this org, any case, is a conflict on the name; nothing is written", async () => {
    const own = await create(a.parentFull, w.parent, valid({ name: 'Pre-checked name' }));
    await expectNothingChanged(async () => {
      const err = await rejection(checkName(a.parentWholesale, w.parent, { name: '  pre-CHECKED name ' }));
      expect(err).toBeInstanceOf(ConflictError);
      expect((err as ConflictError).fieldErrors).toEqual({ name: ['A template with this name already exists.'] });
      // Editing: its own name doesn't count; a free name is fine; another org's names are not seen.
      await expect(checkName(a.parentFull, w.parent, { name: 'Pre-checked name', templateId: own.id })).resolves.toEqual({ ok: true });
      await expect(checkName(a.parentFull, w.parent, { name: 'A fresh name' })).resolves.toEqual({ ok: true });
      await expect(checkName(a.otherAdmin, w.other, { name: 'Pre-checked name' })).resolves.toEqual({ ok: true });
      // The shared schema's own rule, and the doors: a read-only admin (403), another tenant (404).
      expect(await rejection(checkName(a.parentFull, w.parent, { name: '' }))).toBeInstanceOf(ValidationError);
      expect(await rejection(checkName(a.parentReadonly, w.parent, { name: 'Pre-checked name' }))).toBeInstanceOf(ForbiddenError);
      expect(await rejection(checkName(a.otherAdmin, w.parent, { name: 'Pre-checked name' }))).toBeInstanceOf(NotFoundError);
    });
  });

  it('two concurrent submits of the same name: exactly one wins, the other gets the clear conflict', async () => {
    const results = await Promise.allSettled([
      create(a.parentFull, w.parent, valid({ name: 'Race' })),
      create(a.parentWholesale, w.parent, valid({ name: 'race' })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = first(
      results.filter((r): r is PromiseRejectedResult => r.status === 'rejected'),
      'lost',
    );
    expect(lost.reason).toBeInstanceOf(ConflictError);
    expect(lost.reason.fieldErrors.name).toEqual(['A template with this name already exists.']);
    const rows = await db
      .select()
      .from(onboardingTemplates)
      .where(and(eq(onboardingTemplates.orgId, w.parent), sql`lower(${onboardingTemplates.name}) = 'race'`));
    expect(rows).toHaveLength(1);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'template.create'), eq(auditLog.targetId, at(rows, 0).id))),
    ).toHaveLength(1);
  });

  it("a tampered request naming another org's subscription or admin, or an unknown PSTN provider, is refused and changes nothing", async () => {
    const tampered: [Partial<TemplateFormValues>, string][] = [
      [{ subscriptionId: w.otherSubscription }, 'subscriptionId'],
      [{ subscriptionId: 'Sub-does-not-exist' }, 'subscriptionId'],
      [{ serviceProviderAdminId: a.otherAdmin.userId }, 'serviceProviderAdminId'],
      [{ serviceProviderAdminId: a.subAdmin.userId }, 'serviceProviderAdminId'],
      // Issue 17.9: a read-only administrator of the org is not eligible (SPEC §1.2).
      [{ serviceProviderAdminId: a.parentReadonly.userId }, 'serviceProviderAdminId'],
      [{ pstnProviderId: 'pstn-nope' }, 'pstnProviderId'],
    ];
    for (const [over, field] of tampered) {
      await expectNothingChanged(async () => {
        const err = await rejection(create(a.parentFull, w.parent, valid(over)));
        expect(err).toBeInstanceOf(ValidationError);
        expect((err as ValidationError).fieldErrors?.[field]).toBeDefined();
      });
    }
  });

  it('a read-only admin is refused (403) with nothing written', async () => {
    await expectNothingChanged(async () => {
      const err = await rejection(create(a.parentReadonly, w.parent, valid({ serviceProviderAdminId: a.parentReadonly.userId })));
      expect(err).toBeInstanceOf(ForbiddenError);
      expect((err as Error).message).toMatch("You don't have permission");
    });
  });

  it('an unrelated admin or a sub-partner admin gets 404 for the parent', async () => {
    await expectNothingChanged(async () => {
      expect(await rejection(create(a.otherAdmin, w.parent, valid()))).toBeInstanceOf(NotFoundError);
      expect(await rejection(create(a.subAdmin, w.parent, valid()))).toBeInstanceOf(NotFoundError);
    });
  });
});

describe('sub-partners use only the parent subscription shared with them', () => {
  const subInput = (over: Partial<TemplateFormValues> = {}) =>
    valid({ serviceProviderAdminId: a.subAdmin.userId, subscriptionId: w.parentSub, ...over });

  it("the sub-partner's own admin creates a template on the shared subscription", async () => {
    const created = await create(a.subAdmin, w.sub, subInput({ name: 'Sub template' }));
    expect(await templateRow(created.id)).toMatchObject({ orgId: w.sub, subscriptionId: w.parentSub });
  });

  it("the parent's unshared subscription or another partner's is refused", async () => {
    for (const subscriptionId of [w.parentUnsharedSub, w.otherSubscription]) {
      await expectNothingChanged(async () => {
        const err = await rejection(create(a.subAdmin, w.sub, subInput({ subscriptionId })));
        expect(err).toBeInstanceOf(ValidationError);
        expect((err as ValidationError).fieldErrors?.subscriptionId).toEqual([
          'Use the wholesale subscription your parent partner shares with you.',
        ]);
      });
    }
  });

  it('the wizard offers exactly the shared subscription, read-only, and the eligible admins', async () => {
    const access = (await resolveAccess(db, a.parentFull, w.sub))!;
    const options = await getTemplateFormOptions({ db, access });
    expect(options).toMatchObject({ subscriptionIds: [w.parentSub], subscriptionShared: true });
    expect(options.admins.map((x) => x.id)).toEqual([a.subAdmin.userId]);
    const own = await getTemplateFormOptions({ db, access: (await resolveAccess(db, a.parentFull, w.parent))! });
    expect(own.subscriptionShared).toBe(false);
    expect(own.subscriptionIds.sort()).toEqual([w.parentSub, w.parentUnsharedSub].sort());
    // Only admins who may manage the customers (full, wholesale): never the read-only one (issue 17.9).
    expect(own.admins.map((x) => x.id).sort()).toEqual([a.parentFull.userId, a.parentWholesale.userId].sort());
  });

  it('a cross-launched parent admin creates a template in the sub-partner; the audit names the acting parent', async () => {
    const created = await create(a.parentFull, w.sub, subInput({ name: 'Made by parent' }));
    expect(await templateRow(created.id)).toMatchObject({ orgId: w.sub, subscriptionId: w.parentSub, createdBy: a.parentFull.userId });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, created.id));
    expect(entry).toMatchObject({ action: 'template.create', orgId: w.sub, actorUserId: a.parentFull.userId, actorOrgId: w.parent });
  });

  it("cross-launched, the parent's own admin is not the sub-partner's service provider administrator", async () => {
    await expectNothingChanged(async () => {
      const err = await rejection(create(a.parentFull, w.sub, subInput({ serviceProviderAdminId: a.parentFull.userId })));
      expect((err as ValidationError).fieldErrors?.serviceProviderAdminId).toBeDefined();
    });
  });

  it('a parent wholesale admin without full admin cannot reach the sub-partner (404)', async () => {
    expect(await rejection(create(a.parentWholesale, w.sub, subInput()))).toBeInstanceOf(NotFoundError);
  });
});

describe('update', () => {
  it('changes the settings, keeps the provisioning ID, audits before and after', async () => {
    const created = await create(a.parentFull, w.parent, valid({ name: 'To edit', authMode: 'saml', idpEntityId: 'urn:idp' }));
    deps.clock = fixedClock('2026-11-21T08:00:00Z');
    await update(a.parentWholesale, w.parent, {
      ...valid({
        name: 'Edited',
        authMode: 'webex',
        idpEntityId: 'urn:idp',
        pstnProviderId: 'pstn-eu',
        country: 'DE',
        defaultLanguage: 'de_DE',
        disableWebexCalling: true,
      }),
      templateId: created.id,
    });
    const row = defined(await templateRow(created.id), 'row');
    expect(row).toMatchObject({
      name: 'Edited',
      authMode: 'webex',
      idpEntityId: null,
      pstnProviderId: 'pstn-eu',
      country: 'DE',
      defaultLanguage: 'de_DE',
      disableWebexCalling: true,
      provisioningId: created.provisioningId,
    });
    expect(row.updatedAt.toISOString()).toBe('2026-11-21T08:00:00.000Z');
    const entry = await oneRow(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'template.update'), eq(auditLog.targetId, created.id))),
      'entry',
    );
    expect(entry).toMatchObject({ actorUserId: a.parentWholesale.userId, orgId: w.parent });
    expect(entry.before).toMatchObject({ name: 'To edit', authMode: 'saml', idpEntityId: 'urn:idp', country: 'US' });
    expect(entry.after).toMatchObject({ name: 'Edited', authMode: 'webex', idpEntityId: null, country: 'DE' });
  });

  it("renaming onto another template's name is a conflict; keeping its own name is fine", async () => {
    const one = await create(a.parentFull, w.parent, valid({ name: 'Name one' }));
    await create(a.parentFull, w.parent, valid({ name: 'Name two' }));
    await expectNothingChanged(async () => {
      const err = await rejection(update(a.parentFull, w.parent, { ...valid({ name: 'name TWO' }), templateId: one.id }));
      expect((err as ConflictError).fieldErrors?.name).toEqual(['A template with this name already exists.']);
    });
    await expect(
      update(a.parentFull, w.parent, { ...valid({ name: 'Name one', brandName: 'New brand' }), templateId: one.id }),
    ).resolves.toMatchObject({ name: 'Name one' });
  });

  it("another org's template id is not found (even named through one's own org) and nothing changes", async () => {
    const theirs = await create(
      a.otherAdmin,
      w.other,
      valid({ name: 'Theirs', subscriptionId: w.otherSubscription, serviceProviderAdminId: a.otherAdmin.userId }),
    );
    await expectNothingChanged(async () => {
      expect(await rejection(update(a.parentFull, w.parent, { ...valid({ name: 'Hijacked' }), templateId: theirs.id }))).toBeInstanceOf(
        NotFoundError,
      );
      expect(await rejection(update(a.parentFull, w.other, { ...valid({ name: 'Hijacked' }), templateId: theirs.id }))).toBeInstanceOf(
        NotFoundError,
      );
    });
  });

  it('tampered references are refused on edit too', async () => {
    const mine = await create(a.parentFull, w.parent, valid({ name: 'Edit tamper' }));
    await expectNothingChanged(async () => {
      expect(
        await rejection(
          update(a.parentFull, w.parent, { ...valid({ name: 'Edit tamper', subscriptionId: w.otherSubscription }), templateId: mine.id }),
        ),
      ).toBeInstanceOf(ValidationError);
      expect(
        await rejection(
          update(a.parentFull, w.parent, {
            ...valid({ name: 'Edit tamper', serviceProviderAdminId: a.otherAdmin.userId }),
            templateId: mine.id,
          }),
        ),
      ).toBeInstanceOf(ValidationError);
    });
  });

  it('a read-only admin is refused (403)', async () => {
    const mine = await create(a.parentFull, w.parent, valid({ name: 'Readonly edit' }));
    await expectNothingChanged(async () => {
      expect(await rejection(update(a.parentReadonly, w.parent, { ...valid({ name: 'Changed' }), templateId: mine.id }))).toBeInstanceOf(
        ForbiddenError,
      );
    });
  });
});

describe('delete', () => {
  it('deletes an unused template and audits it', async () => {
    const created = await create(a.parentFull, w.parent, valid({ name: 'Unused' }));
    await remove(a.parentFull, w.parent, created.id);
    expect(await templateRow(created.id)).toBeUndefined();
    const entry = await oneRow(
      db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'template.delete'), eq(auditLog.targetId, created.id))),
      'entry',
    );
    expect(entry.before).toMatchObject({ name: 'Unused', provisioningId: created.provisioningId });
  });

  it('is refused with a clear message while customers use the template', async () => {
    const used = await create(a.parentFull, w.parent, valid({ name: 'In use' }));
    for (let i = 0; i < 2; i++) {
      const { customer } = await makeCustomer(db, w.parent);
      await db.update(customers).set({ templateId: used.id }).where(eq(customers.id, customer.id));
    }
    await expectNothingChanged(async () => {
      const err = await rejection(remove(a.parentFull, w.parent, used.id));
      expect(err).toBeInstanceOf(ConflictError);
      expect((err as Error).message).toBe("This template is used by 2 customers and can't be deleted.");
    });
  });

  it("another org's template, or a read-only admin, is refused and nothing is deleted", async () => {
    const theirs = await create(
      a.otherAdmin,
      w.other,
      valid({ name: 'Theirs to keep', subscriptionId: w.otherSubscription, serviceProviderAdminId: a.otherAdmin.userId }),
    );
    const mine = await create(a.parentFull, w.parent, valid({ name: 'Mine to keep' }));
    await expectNothingChanged(async () => {
      expect(await rejection(remove(a.parentFull, w.parent, theirs.id))).toBeInstanceOf(NotFoundError);
      expect(await rejection(remove(a.parentReadonly, w.parent, mine.id))).toBeInstanceOf(ForbiddenError);
      expect(await rejection(remove(a.subAdmin, w.sub, mine.id))).toBeInstanceOf(NotFoundError);
    });
  });
});

describe('list and detail', () => {
  it('lists only the org, newest first, with customer counts, search and pagination', async () => {
    const access = (await resolveAccess(db, a.parentReadonly, w.parent))!;
    const used = await create(a.parentFull, w.parent, valid({ name: 'Counted template' }));
    const { customer } = await makeCustomer(db, w.parent);
    await db.update(customers).set({ templateId: used.id }).where(eq(customers.id, customer.id));

    const all = await listTemplates({ db, access }, { q: '', page: 1 });
    const inParent = (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(onboardingTemplates)
        .where(eq(onboardingTemplates.orgId, w.parent))
    )[0].n;
    expect(all.total).toBe(inParent);
    expect(all.rows.length).toBe(Math.min(inParent, 25));
    expect(all.rows.every((r) => r.name !== 'Theirs')).toBe(true);

    const found = await listTemplates({ db, access }, { q: 'COUNTED', page: 1 });
    expect(found.rows).toEqual([
      expect.objectContaining({
        id: used.id,
        customers: 1,
        pstnProviderName: 'Test Voice',
        subscriptionId: w.parentSub,
        authMode: 'webex',
        type: 'webex_wholesale',
      }),
    ]);
    expect((await listTemplates({ db, access }, { q: '100%_', page: 1 })).total).toBe(0);
  });

  it("shows one template's settings; another org's id is not found", async () => {
    const access = (await resolveAccess(db, a.parentReadonly, w.parent))!;
    const created = await create(a.parentFull, w.parent, valid({ name: 'Detail me' }));
    const detail = await getTemplate({ db, access }, { templateId: created.id });
    expect(detail).toMatchObject({
      name: 'Detail me',
      provisioningId: created.provisioningId,
      pstnProviderName: 'Test Voice',
      customers: 0,
      serviceProviderAdmin: { email: a.parentFull.email },
    });
    const theirs = await create(
      a.otherAdmin,
      w.other,
      valid({ name: 'Not yours', subscriptionId: w.otherSubscription, serviceProviderAdminId: a.otherAdmin.userId }),
    );
    await expect(getTemplate({ db, access }, { templateId: theirs.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});
