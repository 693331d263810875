// The API-token use cases with their capability and schema, declared once (SPEC §8.1).
import type { Capability } from '@/lib/auth/permissions';
import { createApiToken } from './create-api-token';
import { revokeApiToken } from './revoke-api-token';
import { createTokenSchema, tokenIdSchema } from './token-schema';

export const apiTokenOps = {
  create: { capability: 'apiTokens.manage', schema: createTokenSchema, handler: createApiToken },
  revoke: { capability: 'apiTokens.manage', schema: tokenIdSchema, handler: revokeApiToken },
} as const satisfies Record<string, { capability: Capability; schema: unknown; handler: unknown }>;
