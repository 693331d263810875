// The command bar's search (issue 17, item 10), through the guard as its session routes call
// it: each actor finds what it reaches in the org of the URL and nothing of another tenant
// (real names and ids of a sibling, the parent and an unrelated partner); control characters
// match nothing; every kind of result is capped.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/access';
import { commandBarOps } from '@/lib/command-bar/command-bar-operations';
import { COMMAND_RESULTS_PER_KIND, searchCommandBar, type CommandResult } from '@/lib/command-bar/search-command-bar';
import { DomainError } from '@/lib/platform/errors';
import { makeTemplate, serviceCaller } from './support/customer-fixtures';
import { makeAdmin, makeCustomer, makePartner, makeSubPartner } from './support/fixtures';
import { freshDb } from './support/test-db';

const db = await freshDb();
const call = serviceCaller(db);

type Org = { id: string; name: string };
let parent: Org, sibling: Org, mine: Org, unrelated: Org, trials: Org;
let a: Record<'parentFull' | 'parentReadonly' | 'sub' | 'siblingAdmin' | 'unrelatedAdmin' | 'sales' | 'customerAdmin', Actor>;
const ids: Record<string, string> = {};
let myCustomerOrgId: string;

/** What `who` finds for `q` in `orgId` (the Partner Hub route, or the customer view's). */
async function search(who: Actor, orgId: string, q: string, op: 'partner' | 'customerView' = 'partner') {
  const { capability, schema, handler } = commandBarOps[op];
  return (await call(who.userId, orgId, capability, schema, handler, { q })).results;
}
const labels = (r: CommandResult[], kind?: CommandResult['kind']) => r.filter((x) => !kind || x.kind === kind).map((x) => x.label);
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: unknown) => (e instanceof DomainError ? e.status : 500),
  );

beforeAll(async () => {
  parent = await makePartner(db, { name: 'Zephyr Wholesale' });
  mine = await makeSubPartner(db, parent.id, 'Quokka Indirect');
  sibling = await makeSubPartner(db, parent.id, 'Quasar Indirect');
  unrelated = await makePartner(db, { name: 'Unrelated Telecom' });
  trials = await makePartner(db, { name: 'Trials Co', wholesale: false });
  a = {
    parentFull: await makeAdmin(db, parent.id, ['partner_full_admin', 'wholesale_admin']),
    parentReadonly: await makeAdmin(db, parent.id, ['partner_readonly_admin']),
    sub: await makeAdmin(db, mine.id, ['partner_full_admin', 'wholesale_admin']),
    siblingAdmin: await makeAdmin(db, sibling.id, ['partner_full_admin', 'wholesale_admin']),
    unrelatedAdmin: await makeAdmin(db, unrelated.id, ['partner_full_admin', 'wholesale_admin']),
    sales: await makeAdmin(db, trials.id, ['sales_admin']),
    customerAdmin: undefined as unknown as Actor,
  };
  // One word ("Harbor") in every tenant's names, so a leak would show up in the same search.
  const own = await makeCustomer(db, parent.id, { name: 'Harbor Parent Dental' });
  ids.parentCustomer = own.customer.id;
  const my = await makeCustomer(db, mine.id, { name: 'Harbor Quokka Bakery' });
  ids.myCustomer = my.customer.id;
  myCustomerOrgId = my.org.id;
  ids.siblingCustomer = (await makeCustomer(db, sibling.id, { name: 'Harbor Quasar Florist' })).customer.id;
  ids.unrelatedCustomer = (await makeCustomer(db, unrelated.id, { name: 'Harbor Unrelated Law' })).customer.id;
  ids.salesOwn = (await makeCustomer(db, trials.id, { name: 'Harbor Sales Own', createdBy: a.sales.userId })).customer.id;
  ids.salesOther = (await makeCustomer(db, trials.id, { name: 'Harbor Sales Other' })).customer.id;
  ids.parentTemplate = (await makeTemplate(db, parent.id, a.parentFull.userId, { name: 'Harbor parent template' })).id;
  ids.siblingTemplate = (await makeTemplate(db, sibling.id, a.siblingAdmin.userId, { name: 'Harbor sibling template' })).id;
  ids.myTemplate = (await makeTemplate(db, mine.id, a.sub.userId, { name: 'Harbor quokka template' })).id;
  a.customerAdmin = await makeAdmin(db, my.org.id, ['customer_full_admin']);
});

describe('the command bar search: only what the actor reaches in the org of the URL', () => {
  it('a parent partner finds its own customers, templates, indirect providers and pages — no sub-partner’s or other tenant’s customer', async () => {
    const r = await search(a.parentFull, parent.id, 'harbor');
    expect(labels(r, 'customer')).toEqual(['Harbor Parent Dental']);
    expect(labels(r, 'template')).toEqual(['Harbor parent template']);
    expect(r.find((x) => x.kind === 'customer')!.href).toBe(`/o/${parent.id}/customers?customer=${ids.parentCustomer}`);
    expect(labels(await search(a.parentFull, parent.id, 'indirect'), 'indirect_provider')).toEqual(['Quasar Indirect', 'Quokka Indirect']);
    // The Indirect providers page exists for it; a prefix match ranks first.
    expect(labels(await search(a.parentFull, parent.id, 'indirect'), 'page')).toContain('Indirect providers');
    const json = JSON.stringify(r);
    for (const k of ['myCustomer', 'siblingCustomer', 'unrelatedCustomer', 'siblingTemplate', 'myTemplate'])
      expect(json).not.toContain(ids[k]);
  });

  it('a read-only admin of the parent finds customers but no indirect providers (it may not open them)', async () => {
    expect(labels(await search(a.parentReadonly, parent.id, 'harbor'), 'customer')).toEqual(['Harbor Parent Dental']);
    expect(labels(await search(a.parentReadonly, parent.id, 'indirect'), 'indirect_provider')).toEqual([]);
    expect(labels(await search(a.parentReadonly, parent.id, ''), 'page')).not.toContain('Create customer');
  });

  it('a sub-partner admin finds its own customers and templates, never the parent’s or a sibling’s', async () => {
    const r = await search(a.sub, mine.id, 'harbor');
    expect(labels(r, 'customer')).toEqual(['Harbor Quokka Bakery']);
    expect(labels(r, 'template')).toEqual(['Harbor quokka template']);
    expect(labels(await search(a.sub, mine.id, 'quasar'))).toEqual([]);
    expect(labels(await search(a.sub, mine.id, 'Parent Dental'))).toEqual([]);
    expect(labels(await search(a.sub, mine.id, 'Indirect'), 'indirect_provider')).toEqual([]);
    const json = JSON.stringify(r);
    for (const k of ['parentCustomer', 'siblingCustomer', 'unrelatedCustomer', 'parentTemplate', 'siblingTemplate'])
      expect(json).not.toContain(ids[k]);
  });

  it('aimed at another tenant’s org (parent, sibling, unrelated, a foreign customer): refused with 404/403, nothing answered', async () => {
    const tries: [Actor, string][] = [
      [a.sub, parent.id],
      [a.sub, sibling.id],
      [a.sub, unrelated.id],
      [a.siblingAdmin, mine.id],
      [a.unrelatedAdmin, parent.id],
      [a.customerAdmin, mine.id],
      [a.customerAdmin, parent.id],
    ];
    for (const [who, orgId] of tries) {
      expect([403, 404]).toContain(await refusal(search(who, orgId, 'harbor')));
      expect([403, 404]).toContain(await refusal(search(who, orgId, 'harbor', 'customerView')));
    }
  });

  it('a sales administrator finds only the customers it created', async () => {
    expect(labels(await search(a.sales, trials.id, 'harbor'), 'customer')).toEqual(['Harbor Sales Own']);
  });

  it('a customer admin finds only its own pages; the partner route is not its door', async () => {
    const pages = await search(a.customerAdmin, myCustomerOrgId, '', 'customerView');
    expect(pages.every((p) => p.kind === 'page' && p.href.startsWith(`/o/${myCustomerOrgId}/`))).toBe(true);
    expect(labels(pages)).toContain('Users');
    expect(labels(await search(a.customerAdmin, myCustomerOrgId, 'harbor', 'customerView'))).toEqual([]);
    expect(await refusal(search(a.customerAdmin, myCustomerOrgId, 'harbor'))).toBe(403);
  });

  it('a parent cross-launched into its indirect provider finds that provider’s customers, not its own', async () => {
    const r = await search(a.parentFull, mine.id, 'harbor');
    expect(labels(r, 'customer')).toEqual(['Harbor Quokka Bakery']);
    expect(r.every((x) => x.href.startsWith(`/o/${mine.id}/`))).toBe(true);
  });

  it('control characters match nothing: refused at the door with the field message, and the service alone answers no results', async () => {
    for (const q of ['harbor\u0000', 'har\nbor', '\u0007']) {
      const err = await search(a.parentFull, parent.id, q).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).status).toBe(400);
      expect((err as DomainError).fieldErrors?.q?.[0]).toMatch(/control characters/);
    }
    // The service behind the guard, given one anyway (defence in depth).
    const viaService = await call(
      a.parentFull.userId,
      parent.id,
      'org.read',
      commandBarOps.partner.schema.partial(),
      (ctx) => searchCommandBar(ctx, { q: 'harbor\u0000' }),
      {},
    );
    expect(viaService.results).toEqual([]);
  });

  it('LIKE wildcards are literal and results are capped per kind', async () => {
    expect(labels(await search(a.parentFull, parent.id, '%%'), 'customer')).toEqual([]);
    expect(labels(await search(a.parentFull, parent.id, '__'), 'customer')).toEqual([]);
    for (let i = 0; i < COMMAND_RESULTS_PER_KIND + 3; i++) await makeCustomer(db, parent.id, { name: `Capped Co ${i}` });
    const r = await search(a.parentFull, parent.id, 'capped');
    expect(labels(r, 'customer')).toHaveLength(COMMAND_RESULTS_PER_KIND);
    expect(labels(r, 'customer')).toEqual([...labels(r, 'customer')].sort());
    expect(await refusal(search(a.parentFull, parent.id, 'x'.repeat(101)))).toBe(400);
    // One letter searches pages only (it would match half of any list).
    expect((await search(a.parentFull, parent.id, 'c')).every((x) => x.kind === 'page')).toBe(true);
  });
});
