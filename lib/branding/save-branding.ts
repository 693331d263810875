import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { branding } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { ValidationError } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { BRANDING_ERRORS } from '@/lib/platform/error-codes';
import { brandingSchema, LOGO_MAX_BYTES } from './branding-schema';
import { processLogo } from './process-logo';

/** Accent colours and support link of the org in ctx (a partner's, or a customer's override). */
export async function saveBranding(ctx: ServiceCtx, input: z.output<typeof brandingSchema>) {
  const orgId = ctx.access.org.id;
  const now = ctx.clock.now();
  const [before] = await ctx.db.select().from(branding).where(eq(branding.orgId, orgId)).for('update');
  const values = {
    lightTheme: input.lightAccent ? { accent: input.lightAccent } : null,
    darkTheme: input.darkAccent ? { accent: input.darkAccent } : null,
    supportUrl: input.supportUrl || null,
    updatedAt: now,
  };
  await ctx.db
    .insert(branding)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: branding.orgId, set: values });
  await audit(ctx.db, auditActor(ctx), {
    action: 'branding.update',
    targetType: 'org',
    targetId: orgId,
    summary: 'Changed the branding colours and support link',
    before: before
      ? { lightAccent: before.lightTheme?.accent ?? null, darkAccent: before.darkTheme?.accent ?? null, supportUrl: before.supportUrl }
      : null,
    after: { lightAccent: input.lightAccent || null, darkAccent: input.darkAccent || null, supportUrl: values.supportUrl },
  });
  return { ok: true };
}

/** The file travels base64-encoded in the action's JSON (a 512 kB logo stays under the 1 MB action limit). */
export const uploadLogoSchema = z.object({
  fileName: z.string().max(255).default(''),
  contentBase64: z.string().max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 4, 'The logo must be 512 kB or smaller.'),
});

export async function uploadLogo(ctx: ServiceCtx, input: z.output<typeof uploadLogoSchema>) {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.toString('base64').replace(/=+$/, '') !== input.contentBase64.replace(/=+$/, '')) {
    throw new ValidationError('The file could not be read.', { logo: ['The file could not be read.'] }, BRANDING_ERRORS.logoUnreadable);
  }
  const logo = await processLogo(bytes);
  const orgId = ctx.access.org.id;
  const now = ctx.clock.now();
  const values = { logoDataUrl: `data:${logo.mime};base64,${logo.bytes.toString('base64')}`, logoHash: logo.hash, updatedAt: now };
  await ctx.db
    .insert(branding)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: branding.orgId, set: values });
  await audit(ctx.db, auditActor(ctx), {
    action: 'branding.logo.upload',
    targetType: 'org',
    targetId: orgId,
    summary: `Uploaded a new logo (${logo.width}×${logo.height})`,
    after: { hash: logo.hash, mime: logo.mime, width: logo.width, height: logo.height, fileName: input.fileName },
  });
  return { hash: logo.hash };
}

export async function removeLogo(ctx: ServiceCtx) {
  const orgId = ctx.access.org.id;
  await ctx.db.update(branding).set({ logoDataUrl: null, logoHash: null, updatedAt: ctx.clock.now() }).where(eq(branding.orgId, orgId));
  await audit(ctx.db, auditActor(ctx), { action: 'branding.logo.remove', targetType: 'org', targetId: orgId, summary: 'Removed the logo' });
  return { ok: true };
}
