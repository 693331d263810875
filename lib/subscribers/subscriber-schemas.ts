// Inputs of the subscriber use cases (SPEC §2, §4.4, §5.2), shared by the forms
// (zodResolver) and the server (runAuthorized), so both say the same thing.
import { z } from 'zod';
import { PACKAGES, PACKAGE_INFO, type PackageId } from '@/lib/domain/packages';

import { MAX_USERS_PER_CALL } from './subscriber-limits';

export { MAX_USERS_PER_CALL };

const name = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(64, `${label.charAt(0).toUpperCase()}${label.slice(1)} can be at most 64 characters.`);
export const emailField = z
  .string()
  .trim()
  .min(1, 'Enter the email.')
  .max(254, 'Email can be at most 254 characters.')
  .email('Enter a valid email address.');
/** Empty means "none" so form fields can stay plain text inputs. */
export const extensionField = z
  .string()
  .trim()
  .regex(/^([0-9]{2,10})?$/, 'An extension is 2–10 digits.');
export const phoneField = z
  .string()
  .trim()
  .regex(/^(\+[1-9][0-9]{6,14})?$/, 'Enter the number in E.164 format, e.g. +14155550123.');
const packageField = z.enum(PACKAGES, 'Choose a package.');
const id = (what: string) => z.string().min(1, `Choose the ${what}.`).max(64);

export interface Numbering {
  package: PackageId;
  extension: string;
  primaryPhoneNumber: string;
}

/** SPEC §2: a calling package needs an extension and/or a number; a meetings-only one has neither. */
export function numberingIssues(n: Numbering): { path: 'extension' | 'primaryPhoneNumber'; message: string }[] {
  const calling = PACKAGE_INFO[n.package]?.calling;
  if (calling === undefined) return [];
  if (calling && !n.extension && !n.primaryPhoneNumber) {
    return [{ path: 'extension', message: 'A calling package needs an extension and/or a primary phone number.' }];
  }
  if (!calling) {
    const out: { path: 'extension' | 'primaryPhoneNumber'; message: string }[] = [];
    if (n.extension) out.push({ path: 'extension', message: `${PACKAGE_INFO[n.package].name} has no calling: leave the extension empty.` });
    if (n.primaryPhoneNumber)
      out.push({ path: 'primaryPhoneNumber', message: `${PACKAGE_INFO[n.package].name} has no calling: leave the number empty.` });
    return out;
  }
  return [];
}

const refineNumbering = (n: Numbering, ctx: z.RefinementCtx) => {
  for (const i of numberingIssues(n)) ctx.addIssue({ code: 'custom', path: [i.path], message: i.message });
};

export const userRowSchema = z
  .object({
    firstName: name('first name'),
    lastName: name('last name'),
    email: emailField,
    package: packageField.refine((p) => p !== 'common_area_calling', 'Common Area Calling is for workspaces, not people.'),
    locationId: id('location'),
    extension: extensionField,
    primaryPhoneNumber: phoneField,
  })
  .superRefine(refineNumbering);

type BatchRow = { email: string; locationId: string; extension: string };

/**
 * What one batch can't hold twice: an extension at one location, an e-mail. The database
 * would refuse the second row anyway, but only after a round trip; the form (which parses
 * with this schema too) flags each repeat at its row, naming the first one. Only the
 * repeats are marked, so fixing that row clears its error. A phone number repeated in one
 * batch is left to the server's per-row outcome (the first row gets it, the repeat is
 * refused with "already in use" and a Fix), as for a number taken anywhere else.
 */
export function batchDuplicateIssues(rows: readonly BatchRow[]): { index: number; path: keyof BatchRow; message: string }[] {
  const out: { index: number; path: keyof BatchRow; message: string }[] = [];
  const seen = new Map<string, number>();
  const check = (index: number, path: keyof BatchRow, key: string, message: (first: number) => string) => {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else out.push({ index, path, message: message(first + 1) });
  };
  // Runs even when a row has other problems (zod refines the whole batch): read defensively.
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  rows.forEach((r, i) => {
    const email = text(r.email).toLowerCase();
    const extension = text(r.extension);
    if (email) check(i, 'email', `email ${email}`, (n) => `User ${n} already has this email.`);
    if (extension && text(r.locationId))
      check(i, 'extension', `ext ${r.locationId} ${extension}`, (n) => `User ${n} already has this extension at this location.`);
  });
  return out;
}

export const addUsersSchema = z
  .object({
    rows: z
      .array(userRowSchema)
      .min(1, 'Add at least one user.')
      .max(MAX_USERS_PER_CALL, `Add at most ${MAX_USERS_PER_CALL} users at a time.`),
  })
  .superRefine((v, ctx) => {
    for (const i of batchDuplicateIssues(v.rows)) ctx.addIssue({ code: 'custom', path: ['rows', i.index, i.path], message: i.message });
  });

export const addWorkspaceSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter the workspace name.').max(128, 'Workspace name can be at most 128 characters.'),
    package: packageField,
    locationId: id('location'),
    extension: extensionField,
    primaryPhoneNumber: phoneField,
  })
  .superRefine(refineNumbering);

export const subscriberIdSchema = z.object({ subscriberId: z.string().min(1).max(64) });

export const changePackageSchema = subscriberIdSchema.extend({
  package: packageField,
  /** Needed only when moving from a meetings-only package to a calling one. */
  extension: extensionField.default(''),
  primaryPhoneNumber: phoneField.default(''),
});

export const updateUserNamesSchema = subscriberIdSchema.extend({
  firstName: name('first name'),
  lastName: name('last name'),
  displayName: z.string().trim().max(128, 'Display name can be at most 128 characters.'),
  email: emailField,
});

export const updatePrimaryNumberSchema = subscriberIdSchema.extend({ primaryPhoneNumber: phoneField });

export type UserRowInput = z.input<typeof userRowSchema>;
export type AddUsersInput = z.input<typeof addUsersSchema>;
