// Branding (SPEC §10, issue 15): logo upload checks and re-encoding, the WCAG AA check,
// who may change it, and whose branding a customer sees.
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, branding } from '@/db/schema';
import { runAuthorized } from '@/lib/server/guard';
import { brandingOps } from '@/lib/branding/branding-operations';
import { brandingSchema } from '@/lib/branding/branding-schema';
import { accentContrast, contrastRatio } from '@/lib/branding/contrast';
import { effectiveBranding } from '@/lib/branding/effective-branding';
import { getLogo } from '@/lib/branding/get-logo';
import { fixedClock } from '@/lib/platform/clock';
import { ForbiddenError, ValidationError } from '@/lib/platform/errors';
import type { ServiceDeps } from '@/lib/platform/service-ctx';
import type { Actor } from '@/lib/auth/access';
import { GET as logoRoute } from '@/app/branding/[orgId]/logo/[hash]/route';
import { freshDb } from './support/test-db';
import { makeAdmin, makeCustomer, makePartner, makeSubPartner } from './support/fixtures';
import { oneRow } from '@/db/one-row';

const db = await freshDb();
process.env.DATABASE_URL = db.url; // the logo route reads through getDb()
const deps: ServiceDeps = { db, clock: fixedClock('2026-11-21T10:00:00Z'), jobs: { send: async () => {} } };

type Side = keyof typeof brandingOps;
const call = <K extends keyof (typeof brandingOps)['partner']>(side: Side, op: K, who: Actor, orgId: string, input: unknown) => {
  const o = brandingOps[side][op];
  return runAuthorized(deps, { userId: who.userId, orgId, input }, o.capability, o.schema, o.handler as never) as Promise<
    Record<string, unknown>
  >;
};
const upload = (who: Actor, orgId: string, bytes: Buffer, side: Side = 'partner') =>
  call(side, 'uploadLogo', who, orgId, { fileName: 'logo', contentBase64: bytes.toString('base64') });

const png = (w = 64, h = 32) =>
  sharp({ create: { width: w, height: h, channels: 4, background: '#0a5bd6' } })
    .png()
    .toBuffer();

let partnerId: string;
let full: Actor;
let wholesale: Actor;

beforeAll(async () => {
  partnerId = (await makePartner(db, { name: 'Brand Partner' })).id;
  full = await makeAdmin(db, partnerId, ['partner_full_admin']);
  wholesale = await makeAdmin(db, partnerId, ['wholesale_admin']);
});

describe('logo upload', () => {
  it('accepts a PNG, re-encodes it and serves it under its content hash with long caching', async () => {
    const { hash } = await upload(full, partnerId, await png());
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    const res = await logoRoute(new Request('http://x'), { params: Promise.resolve({ orgId: partnerId, hash: hash as string }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width).toBe(64);
    const stale = await logoRoute(new Request('http://x'), { params: Promise.resolve({ orgId: partnerId, hash: '0'.repeat(32) }) });
    expect(stale.status).toBe(404);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'branding.logo.upload'))).toHaveLength(1);
  });

  it('refuses SVG, oversized and non-image files with a field error, changing nothing', async () => {
    const before = await oneRow(db.select().from(branding).where(eq(branding.orgId, partnerId)), 'before');
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expect(upload(full, partnerId, svg)).rejects.toMatchObject({
      errorCode: 13101,
      fieldErrors: { logo: [expect.stringMatching(/SVG/)] },
    });
    await expect(upload(full, partnerId, Buffer.from('just some text, not an image'))).rejects.toMatchObject({ errorCode: 13101 });
    // A PNG signature followed by garbage: not decodable.
    await expect(
      upload(full, partnerId, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)])),
    ).rejects.toMatchObject({ errorCode: 13103 });
    const big = Buffer.concat([await png(), Buffer.alloc(520 * 1024, 1)]);
    await expect(upload(full, partnerId, big)).rejects.toBeInstanceOf(ValidationError);
    const after = await oneRow(db.select().from(branding).where(eq(branding.orgId, partnerId)), 'after');
    expect(after.logoHash).toBe(before.logoHash);
  });

  it('a PNG carrying a polyglot payload is re-encoded: the payload does not survive', async () => {
    const payload = '<html><script>alert("polyglot")</script></html>';
    const base = await png(40, 40);
    // A text chunk before IEND and a script appended after it: a valid PNG that is also "HTML".
    const withText = await sharp(base).withMetadata().png().toBuffer();
    const polyglot = Buffer.concat([withText, Buffer.from(payload), Buffer.from('PK\u0003\u0004zip-tail')]);
    expect((await sharp(polyglot).metadata()).format).toBe('png');
    const { hash } = await upload(full, partnerId, polyglot);
    const stored = await getLogo(db, partnerId, hash as string);
    expect(stored!.bytes.includes(Buffer.from('polyglot'))).toBe(false);
    expect(stored!.bytes.includes(Buffer.from('PK'))).toBe(false);
    expect((await sharp(stored!.bytes).metadata()).width).toBe(40);
  });

  it('only partner full administrators change the branding', async () => {
    await expect(upload(wholesale, partnerId, await png())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      call('partner', 'save', wholesale, partnerId, { lightAccent: '#0a5bd6', darkAccent: '', supportUrl: '' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('contrast check', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(accentContrast('light', '#0a5bd6').passes).toBe(true);
    expect(accentContrast('light', '#ffcc00').passes).toBe(false);
    expect(accentContrast('dark', '#7cb4ff').passes).toBe(true);
    expect(accentContrast('dark', '#1e3a8a').passes).toBe(false);
  });

  it('refuses accents below AA, with the ratio in the message, and saves good ones', async () => {
    expect(brandingSchema.safeParse({ lightAccent: '#ffcc00', darkAccent: '#1e3a8a', supportUrl: '' }).success).toBe(false);
    await expect(
      call('partner', 'save', full, partnerId, { lightAccent: '#ffcc00', darkAccent: '#7cb4ff', supportUrl: '' }),
    ).rejects.toMatchObject({
      fieldErrors: { lightAccent: [expect.stringMatching(/Contrast 1\.\d+:1 .* below the WCAG AA minimum of 4.5:1/)] },
    });
    await expect(
      call('partner', 'save', full, partnerId, { lightAccent: '#0a5bd6', darkAccent: '', supportUrl: 'javascript:alert(1)' }),
    ).rejects.toMatchObject({ fieldErrors: { supportUrl: expect.any(Array) } });
    await call('partner', 'save', full, partnerId, {
      lightAccent: '#0A5BD6',
      darkAccent: '#7cb4ff',
      supportUrl: 'https://help.brand.test',
    });
    const [row] = await db.select().from(branding).where(eq(branding.orgId, partnerId));
    expect(row).toMatchObject({
      lightTheme: { accent: '#0a5bd6' },
      darkTheme: { accent: '#7cb4ff' },
      supportUrl: 'https://help.brand.test',
    });
  });
});

describe('whose branding a customer sees', () => {
  it("the partner's; a sub-partner's customers get the parent's unless the sub-partner has its own; a customer can override unless RBPM", async () => {
    const direct = await makeCustomer(db, partnerId, { rbpm: false });
    expect(await effectiveBranding(db, direct.org.id)).toMatchObject({
      sourceOrgId: partnerId,
      lightAccent: '#0a5bd6',
      supportUrl: 'https://help.brand.test',
      logoUrl: expect.stringMatching(`/branding/${partnerId}/logo/`),
    });

    const sub = await makeSubPartner(db, partnerId);
    const subCustomer = await makeCustomer(db, sub.id);
    expect((await effectiveBranding(db, subCustomer.org.id)).sourceOrgId).toBe(partnerId);
    const subAdmin = await makeAdmin(db, sub.id, ['partner_full_admin']);
    await call('partner', 'save', subAdmin, sub.id, { lightAccent: '#14532d', darkAccent: '', supportUrl: 'https://sub.test/help' });
    expect(await effectiveBranding(db, subCustomer.org.id)).toMatchObject({ sourceOrgId: sub.id, lightAccent: '#14532d', logoUrl: null });

    const customerAdmin = await makeAdmin(db, direct.org.id, ['customer_full_admin']);
    await call('customer', 'save', customerAdmin, direct.org.id, { lightAccent: '#7c2d12', darkAccent: '', supportUrl: '' });
    expect((await effectiveBranding(db, direct.org.id)).lightAccent).toBe('#7c2d12');

    const restricted = await makeCustomer(db, partnerId, { rbpm: true });
    const restrictedAdmin = await makeAdmin(db, restricted.org.id, ['customer_full_admin']);
    await expect(
      call('customer', 'save', restrictedAdmin, restricted.org.id, { lightAccent: '#7c2d12', darkAccent: '', supportUrl: '' }),
    ).rejects.toMatchObject({ message: 'Your partner has restricted this setting.' });
    expect((await effectiveBranding(db, restricted.org.id)).sourceOrgId).toBe(partnerId);
  });
});
