import { z } from 'zod';
import { AA_RATIO, accentContrast } from './contrast';

const accent = (theme: 'light' | 'dark') =>
  z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^#[0-9a-f]{6}$/, 'Use a colour like #0a5bd6.')
    .superRefine((v, ctx) => {
      const c = accentContrast(theme, v);
      if (!c.passes)
        ctx.addIssue({
          code: 'custom',
          message: `Contrast ${c.ratio}:1 against the ${theme} background is below the WCAG AA minimum of ${AA_RATIO}:1.`,
        });
    })
    .or(z.literal(''));

/** Branding colours and support link (the logo is uploaded separately). Shared by form and server. */
export const brandingSchema = z.object({
  lightAccent: accent('light'),
  darkAccent: accent('dark'),
  supportUrl: z
    .string()
    .trim()
    .max(500, 'Use at most 500 characters.')
    .refine((v) => v === '' || /^(https:\/\/|mailto:)/.test(v), 'Use an https:// or mailto: link.')
    .refine((v) => v === '' || URL.canParse(v), 'Enter a valid link.'),
});
export type BrandingInput = z.input<typeof brandingSchema>;

export { LOGO_MAX_BYTES } from './logo-limit';
