// Trial inputs (SPEC §9), shared by the forms (zodResolver) and the server. Client-safe.
import { z } from 'zod';
import { addressSchema } from '@/lib/customers/customer-schema';
import { TIME_ZONES } from '@/lib/domain/time-zones';
import { TRIAL_LENGTHS } from './trial-rules';

import { BUSINESS_VERTICALS, TRIAL_DEVICES } from './trial-catalog';

export { BUSINESS_VERTICALS, TRIAL_DEVICES, TRIAL_SERVICE_LABELS } from './trial-catalog';

const deviceLine = z.object({
  type: z.enum(TRIAL_DEVICES),
  quantity: z.coerce.number<number>().int('Enter a whole number.').min(1, 'At least 1.').max(20, 'At most 20 per device type.'),
});

/** The services part, shared by new-customer, consent-details, add-to-paying and Edit services. */
export const trialServicesSchema = z
  .object({
    meetings: z.boolean(),
    siteUrl: z.string().trim().max(100, 'At most 100 characters.'),
    timeZone: z.string(),
    messaging: z.boolean(),
    calling: z.boolean(),
    devices: z.boolean(),
    deviceLines: z.array(deviceLine).max(TRIAL_DEVICES.length),
  })
  .superRefine((s, ctx) => {
    if (!s.meetings && !s.messaging && !s.calling && !s.devices)
      ctx.addIssue({ code: 'custom', path: ['meetings'], message: 'Choose at least one service.' });
    if (s.meetings) {
      if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(s.siteUrl))
        ctx.addIssue({ code: 'custom', path: ['siteUrl'], message: 'Enter the site name: lower-case letters, digits and hyphens.' });
      if (!(TIME_ZONES as readonly string[]).includes(s.timeZone))
        ctx.addIssue({ code: 'custom', path: ['timeZone'], message: 'Choose the time zone.' });
    }
    const types = s.deviceLines.map((d) => d.type);
    if (new Set(types).size !== types.length)
      ctx.addIssue({ code: 'custom', path: ['deviceLines'], message: 'List each device type once.' });
  });
export type TrialServicesInput = z.infer<typeof trialServicesSchema>;

export const trialLengthSchema = z.coerce
  .number<number>()
  .refine((n) => (TRIAL_LENGTHS as readonly number[]).includes(n), 'Choose 30, 60 or 90 days.');

const email = z
  .string()
  .trim()
  .min(1, 'Enter the administrator email.')
  .max(254, 'Email can be at most 254 characters.')
  .email('Enter a valid email address.');

export const trialCustomerSchema = z.object({
  companyName: z
    .string()
    .trim()
    .min(1, 'Enter the company name.')
    .max(255, 'Company name can be at most 255 characters.')
    .refine((v) => !v.includes('%'), 'Company name can’t contain “%”.'),
  adminEmail: email,
  businessVertical: z.enum(BUSINESS_VERTICALS, 'Choose the business vertical.'),
  address: addressSchema,
  confirmSupportedLocation: z.boolean().refine((v) => v, 'Confirm that the customer is in a location supported by Webex.'),
});

export const startTrialSchema = trialCustomerSchema.extend({ services: trialServicesSchema, lengthDays: trialLengthSchema });
export type StartTrialInput = z.infer<typeof startTrialSchema>;

export const lookupTrialEmailSchema = z.object({ adminEmail: email });

export const trialRequestSchema = z.object({
  adminEmail: email,
  businessVertical: z.enum(BUSINESS_VERTICALS, 'Choose the business vertical.'),
});

export const trialIdSchema = z.object({ trialId: z.uuid('Unknown trial.') });
export const customerTrialSchema = z.object({ customerId: z.uuid('Unknown customer.') });

export const trialDetailsSchema = trialIdSchema.extend({ services: trialServicesSchema, lengthDays: trialLengthSchema });
export const addTrialSchema = customerTrialSchema.extend({ services: trialServicesSchema, lengthDays: trialLengthSchema });
export const editServicesSchema = trialIdSchema.extend({ services: trialServicesSchema });
export const shipDeviceSchema = trialIdSchema.extend({
  type: z.enum(TRIAL_DEVICES, 'Choose a device.'),
  quantity: deviceLine.shape.quantity,
});
/** Extend: the *Trial duration* drop-down has one choice (SPEC §9: +30 days from today). */
export const extendTrialSchema = trialIdSchema.extend({ duration: z.literal('30', 'Choose the trial duration.') });

export const consentAnswerSchema = trialIdSchema.extend({ accept: z.boolean(), grantFullAdmin: z.boolean() });

export const TRIAL_DAYS_FILTERS = ['7', '30'] as const;
export const listTrialsSchema = z.object({
  status: z
    .enum(['pending_consent', 'pending_provisioning_details', 'active', 'expired_grace', 'ended', 'converted', 'cancelled'])
    .optional()
    .catch(undefined),
  days: z.enum(TRIAL_DAYS_FILTERS).optional().catch(undefined),
  page: z.coerce.number<number>().int().min(1).catch(1).default(1),
});
export type ListTrialsInput = z.infer<typeof listTrialsSchema>;
