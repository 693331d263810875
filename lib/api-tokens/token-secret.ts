import { createHash, randomBytes } from 'node:crypto';

/** `phk_` + 32 random bytes in base64url: secret scanners can match the prefix (SPEC §8.1). */
export const TOKEN_PREFIX = 'phk_';

export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** Only this hash is stored; a fast hash is right for 256-bit random secrets (nothing to brute-force). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
