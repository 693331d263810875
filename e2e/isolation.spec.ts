// Tenancy at the HTTP level: every org-scoped page, opened with a foreign org id, is a 404.
// The page list is read from app/o/[orgId] at test time, so new pages are covered automatically.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_ORG_IDS } from '../lib/demo/accounts';
import { signIn } from './support';

const ORG_ROOT = path.join(process.cwd(), 'app', 'o', '[orgId]');
const ANY_ID = '00000000-0000-4000-8000-0000000000aa';

function orgPages(dir = ORG_ROOT, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      // Private folders (`_name`) are not routes; dynamic segments get a placeholder id.
      if (entry.startsWith('_')) continue;
      out.push(...orgPages(full, `${prefix}/${entry.startsWith('[') ? ANY_ID : entry}`));
    } else if (entry === 'page.tsx') {
      out.push(prefix || '/');
    }
  }
  return out;
}

const PAGES = orgPages();

test('the page list is discovered', () => {
  expect(PAGES).toEqual(expect.arrayContaining(['/', '/overview', '/customers', '/users', '/activity']));
});

const CASES = [
  {
    who: 'admin@fabrikam.test',
    own: `/o/${DEMO_ORG_IDS.fabrikam}/customers`,
    foreign: {
      northwind: DEMO_ORG_IDS.northwind,
      tailspin: DEMO_ORG_IDS.tailspin,
      'acme dental': DEMO_ORG_IDS.acmeDental,
      contoso: DEMO_ORG_IDS.contoso,
    },
  },
  {
    who: 'admin@acme-dental.test',
    own: `/o/${DEMO_ORG_IDS.acmeDental}/users`,
    foreign: { northwind: DEMO_ORG_IDS.northwind, 'bluebird bakery': DEMO_ORG_IDS.bluebirdBakery, fabrikam: DEMO_ORG_IDS.fabrikam },
  },
  {
    who: 'sales@contoso.test',
    own: `/o/${DEMO_ORG_IDS.contoso}/customers`,
    foreign: { northwind: DEMO_ORG_IDS.northwind, 'acme dental': DEMO_ORG_IDS.acmeDental },
  },
];

for (const { who, own, foreign } of CASES) {
  test(`${who} gets 404 on every org page of every foreign org`, async ({ page }) => {
    await signIn(page, who);
    // Control: the same kind of request on the actor's own org succeeds, so 404s mean refusal.
    expect((await page.request.get(own, { maxRedirects: 0 })).status()).toBe(200);
    const failures: string[] = [];
    for (const [label, orgId] of Object.entries(foreign)) {
      for (const p of PAGES) {
        const url = `/o/${orgId}${p === '/' ? '' : p}`;
        const res = await page.request.get(url, { maxRedirects: 0 });
        if (res.status() !== 404) failures.push(`${label} ${url} → ${res.status()}`);
      }
    }
    expect(failures).toEqual([]);
  });
}
