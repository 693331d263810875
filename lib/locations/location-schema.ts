import { z } from 'zod';
import { addressSchema } from '@/lib/customers/customer-schema';
import { LOCALES } from '@/lib/domain/locales';

/** A new location of a customer (SPEC §4.4 step 1, §5.2). */
export const addLocationSchema = z.object({
  name: z.string().trim().min(1, 'Enter the location name.').max(80, 'Location name can be at most 80 characters.'),
  address: addressSchema,
  timeZone: z.string().trim().min(1, 'Choose the time zone.').refine(isTimeZone, 'Choose a valid time zone.'),
  language: z.enum(LOCALES, 'Choose the language.'),
});

export type AddLocationInput = z.input<typeof addLocationSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
