// Branding use cases with their capabilities: partner full admins on their org (SPEC §1.2),
// a customer full admin on the customer's own override (SPEC §10; RBPM can take it away).
import { z } from 'zod';
import type { Capability } from '@/lib/auth/permissions';
import { brandingSchema } from './branding-schema';
import { removeLogo, saveBranding, uploadLogo, uploadLogoSchema } from './save-branding';

const partner = {
  save: { capability: 'branding.manage', schema: brandingSchema, handler: saveBranding },
  uploadLogo: { capability: 'branding.manage', schema: uploadLogoSchema, handler: uploadLogo },
  removeLogo: { capability: 'branding.manage', schema: z.object({}), handler: removeLogo },
} as const satisfies Record<string, { capability: Capability; schema: z.ZodType; handler: unknown }>;

const customer = {
  save: { capability: 'cv.branding', schema: brandingSchema, handler: saveBranding },
  uploadLogo: { capability: 'cv.branding', schema: uploadLogoSchema, handler: uploadLogo },
  removeLogo: { capability: 'cv.branding', schema: z.object({}), handler: removeLogo },
} as const satisfies Record<string, { capability: Capability; schema: z.ZodType; handler: unknown }>;

export const brandingOps = { partner, customer };
