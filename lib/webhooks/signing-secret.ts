// Signing secrets (SPEC §8.4): `whsec_` + base64 of 32 random bytes, the Standard
// Webhooks form. The server must sign with them, so they can't be hashed; they are
// stored encrypted with AES-256-GCM under a key derived from AUTH_SECRET for this
// purpose only (a database dump alone does not reveal them).
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';

export function generateSigningSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

/** The HMAC key: the base64 part after the prefix, decoded (as Standard Webhooks says). */
export function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

function encryptionKey(authSecret = process.env.AUTH_SECRET): Buffer {
  if (!authSecret) throw new Error('AUTH_SECRET is not set: webhook secrets cannot be stored.');
  return createHmac('sha256', authSecret).update('partner-hub/webhook-secret-encryption/v1').digest();
}

export function encryptSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
}

export function decryptSecret(stored: string): string {
  const [v, iv, tag, body] = stored.split('.');
  if (v !== 'v1' || !iv || !tag || !body) throw new Error('Unreadable webhook secret');
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}
