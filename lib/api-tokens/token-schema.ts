// Create-token input (SPEC §8.1), shared by the form (zodResolver) and the server.
import { z } from 'zod';
import { API_SCOPES } from '@/lib/domain/statuses';

import { TOKEN_EXPIRIES } from './token-expiry';

export { TOKEN_EXPIRIES, TOKEN_EXPIRY_LABELS, type TokenExpiry } from './token-expiry';

export const createTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter a name for the token.')
    .max(80, 'Name can be at most 80 characters.')
    // oxlint-disable-next-line no-control-regex -- refusing control characters is the point (SPEC §10)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'Name can’t contain control characters.'),
  scopes: z
    .array(z.enum(API_SCOPES))
    .min(1, 'Choose at least one scope.')
    .transform((s) => [...new Set(s)]),
  expiry: z.enum(TOKEN_EXPIRIES, 'Choose when the token expires.'),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;

export const tokenIdSchema = z.object({ tokenId: z.string().min(1).max(64) });
