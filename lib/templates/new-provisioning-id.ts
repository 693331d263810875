import { randomBytes } from 'node:crypto';

/**
 * The opaque value the API's `provisioningId` takes: 128 random bits as 32 hex
 * characters. Random rather than derived from the template id, so knowing one reveals
 * nothing; the unique index makes a (practically impossible) collision fail loudly.
 */
export function newProvisioningId(): string {
  return randomBytes(16).toString('hex');
}
