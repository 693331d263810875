// The create-customer input (SPEC §4.1), shared by the wizard (react-hook-form +
// zodResolver) and the server (runAuthorized), so both say the same thing.
import { z } from 'zod';
import { countryOf, isCountry } from '@/lib/domain/countries';
import { resolveLocale } from '@/lib/domain/locales';
import { PACKAGES } from '@/lib/domain/packages';

/** API limits (SPEC §8): address lines ≤ 50 characters. */
const line = (label: string, required: boolean) => {
  const s = z.string().trim().max(50, `${label} can be at most 50 characters.`);
  return required ? s.min(1, `Enter the ${label.toLowerCase()}.`) : s;
};

export const addressSchema = z
  .object({
    addressLine1: line('Address line 1', true),
    addressLine2: line('Address line 2', false),
    city: line('City', true),
    stateOrProvince: line('State/province', false),
    postalCode: line('Postal code', true),
    country: z.string().refine((v) => isCountry(v), 'Choose the country.'),
  })
  .superRefine((a, ctx) => {
    // Runs even when other address fields are invalid, so every problem shows at once.
    if (typeof a.country === 'string' && countryOf(a.country)?.hasStates && !a.stateOrProvince?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['stateOrProvince'], message: 'Enter the state/province.' });
    }
  });

/** Users' names are at most 64 characters (as in Add users). */
const adminName = (label: string) => z.string().trim().max(64, `${label} can be at most 64 characters.`).default('');

export const createCustomerSchema = z.object({
  companyName: z
    .string()
    .trim()
    .min(1, 'Enter the company name.')
    .max(255, 'Company name can be at most 255 characters.')
    .refine((v) => !v.includes('%'), 'Company name can’t contain “%”.'),
  adminEmail: z
    .string()
    .trim()
    .min(1, 'Enter the administrator email.')
    .max(254, 'Email can be at most 254 characters.')
    .email('Enter a valid email address.'),
  /**
   * Optional: the administrator's name, so the first user isn't a bare e-mail address in the
   * customer's Users. Not in the vendor API's customerInfo (SPEC §8): absent there, empty here.
   */
  adminFirstName: adminName('First name'),
  adminLastName: adminName('Last name'),
  templateId: z.string().min(1, 'Choose an onboarding template.'),
  /** Optional: empty → generated at creation. */
  externalId: z
    .string()
    .trim()
    .max(64, 'External ID can be at most 64 characters.')
    .regex(/^[^\s%]*$/, 'External ID can’t contain spaces or “%”.'),
  /** Optional: empty → the template's default language. A locale, or a two-letter language completed per SPEC §7.4. */
  language: z
    .string()
    .trim()
    .refine((v) => v === '' || resolveLocale(v) !== null, 'Choose a supported language.'),
  packages: z
    .array(z.enum(PACKAGES))
    .min(1, 'Choose at least one package.')
    .refine((ps) => new Set(ps).size === ps.length, 'Choose each package once.')
    // The first user becomes the admin with the creation package (SPEC §2): it must suit a person.
    .refine(
      (ps) => !ps.length || ps.some((p) => p !== 'common_area_calling'),
      'Common Area Calling is for workspaces: also choose a package for the administrator.',
    ),
  address: addressSchema,
  confirmSupportedLocation: z.boolean().refine((v) => v, 'Confirm that the customer is in a location supported by Webex.'),
});

export type CreateCustomerInput = z.infer<typeof createCustomerSchema>;
/** What the form holds before parsing: the optional name fields may be absent (the API omits them). */
export type CreateCustomerFormValues = z.input<typeof createCustomerSchema>;
export type CustomerAddress = z.infer<typeof addressSchema>;
