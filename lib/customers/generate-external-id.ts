import { randomInt } from 'node:crypto';

// No 0/O or 1/I: the ID gets read aloud and typed into other systems.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The default external ID when the partner gives none (SPEC §4.1): "C-20261121-7K3QZP". */
export function generateExternalId(now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += ALPHABET[randomInt(ALPHABET.length)];
  return `C-${day}-${suffix}`;
}
