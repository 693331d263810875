// Issue 10, item 10: NUL and other control characters are refused in every text field of
// every shared schema, with a field error, before anything reaches PostgreSQL (22021).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput } from '@/lib/server/guard';
import { createCustomerSchema, type CreateCustomerInput } from '@/lib/customers/customer-schema';
import { signInSchema } from '@/lib/auth/sign-in-schema';
import { acceptInvitationSchema } from '@/lib/auth/invitations-schema';
import { CONTROL_CHARACTER_MESSAGE, controlCharacterPaths, hasControlCharacters } from '@/lib/domain/text';
import { ValidationError } from '@/lib/platform/errors';

const valid: CreateCustomerInput = {
  companyName: 'Acme Dental',
  adminEmail: 'it@acme.test',
  adminFirstName: '',
  adminLastName: '',
  templateId: '0b1e0000-0000-4000-8000-000000000001',
  externalId: '',
  language: '',
  packages: ['webex_calling'],
  confirmSupportedLocation: true,
  address: { addressLine1: '1 Main St', addressLine2: '', city: 'Seattle', stateOrProvince: 'WA', postalCode: '98101', country: 'US' },
};

function fieldErrors(schema: z.ZodType, input: unknown): Record<string, string[]> {
  try {
    parseInput(schema, input);
    return {};
  } catch (err) {
    if (err instanceof ValidationError) return err.fieldErrors ?? {};
    throw err;
  }
}

/** Every zod object exported by a schema module or an operations module (the op descriptors' schemas). */
async function sharedObjectSchemas(): Promise<[string, z.ZodObject][]> {
  const lib = path.resolve(import.meta.dirname, '../../lib');
  const out: [string, z.ZodObject][] = [];
  for (const dir of readdirSync(lib, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(path.join(lib, dir.name)).filter((f) => /(schema|schemas|operations)\.ts$/.test(f))) {
      const mod = (await import(/* @vite-ignore */ path.join(lib, dir.name, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (value instanceof z.ZodObject) out.push([`${dir.name}/${file} ${name}`, value]);
        if (value && typeof value === 'object') {
          // Operation descriptor maps: { create: { capability, schema, handler }, … }.
          for (const [opName, op] of Object.entries(value)) {
            const schema = (op as { schema?: unknown })?.schema;
            if (schema instanceof z.ZodObject) out.push([`${dir.name}/${file} ${name}.${opName}`, schema]);
          }
        }
      }
    }
  }
  return out;
}

describe('control characters in input', () => {
  it('are recognised: C0 controls, DEL and C1; ordinary text and non-Latin letters are not', () => {
    for (const c of ['\u0000', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085']) expect(hasControlCharacters(`a${c}b`)).toBe(true);
    for (const s of ['Acme Dental', 'Müller & Söhne GmbH', '東京', 'O’Brien', 'x@y.test']) expect(hasControlCharacters(s)).toBe(false);
  });

  it('are found at their field path, in nested objects, arrays and keys', () => {
    expect(
      controlCharacterPaths({ a: 'ok', b: { c: 'x\u0000' }, users: [{ email: 'ok' }, { email: 'bad\n' }], ['k\u0000']: 1 }).sort(),
    ).toEqual(['_form', 'b.c', 'users.1.email']);
    expect(controlCharacterPaths('\u0000')).toEqual(['_form']);
  });

  it('a NUL company name is refused with a field error on an otherwise valid create-customer input (the pre-check uses the same parse)', () => {
    expect(fieldErrors(createCustomerSchema, valid)).toEqual({});
    expect(fieldErrors(createCustomerSchema, { ...valid, companyName: 'Acme\u0000Dental' })).toEqual({
      companyName: [CONTROL_CHARACTER_MESSAGE],
    });
    expect(fieldErrors(createCustomerSchema, { ...valid, address: { ...valid.address, city: 'Sea\ttle' } })).toEqual({
      'address.city': [CONTROL_CHARACTER_MESSAGE],
    });
  });

  it('is reported together with the schema’s own errors', () => {
    const errors = fieldErrors(createCustomerSchema, { ...valid, companyName: '\u0000', adminEmail: 'nope' });
    expect(errors.companyName?.[0]).toBe(CONTROL_CHARACTER_MESSAGE);
    expect(errors.adminEmail).toEqual(['Enter a valid email address.']);
  });

  it('every text field of every shared schema and use-case descriptor refuses a NUL with a field error at that field', async () => {
    const schemas = await sharedObjectSchemas();
    expect(schemas.length).toBeGreaterThan(20);
    let fields = 0;
    for (const [name, schema] of schemas) {
      for (const key of Object.keys(schema.shape)) {
        fields++;
        const errors = fieldErrors(schema, { [key]: 'x\u0000y' });
        expect(errors[key], `${name}.${key}`).toContain(CONTROL_CHARACTER_MESSAGE);
      }
    }
    expect(fields).toBeGreaterThan(100);
    console.info(`${schemas.length} schemas, ${fields} fields`);
  });

  it('the sign-in and invitation forms (which do not go through parseInput) refuse them too', () => {
    expect(signInSchema.safeParse({ email: 'a@b.test', password: 'Password123!' }).success).toBe(true);
    const r = signInSchema.safeParse({ email: 'a@b.test', password: 'Pass\u0000word' });
    expect(r.success || r.error.issues.map((i) => i.message)).toEqual([CONTROL_CHARACTER_MESSAGE]);
    const inv = acceptInvitationSchema.safeParse({
      token: 'a'.repeat(43),
      password: 'long enough\u0000pw',
      confirmPassword: 'long enough\u0000pw',
    });
    expect(inv.success || inv.error.issues.map((i) => i.message)).toEqual([CONTROL_CHARACTER_MESSAGE]);
  });
});
