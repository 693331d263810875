// Each trial use case with the capability it needs (SPEC §1.2, §9) and its input schema —
// declared once; the server actions, session routes and tests wire these same triples.
import { z } from 'zod';
import type { Capability } from '@/lib/auth/permissions';
import { addTrialToCustomer, provideTrialDetails } from './activate-trial';
import { answerConsent, listTrialRequests } from './answer-consent';
import { convertTrial, deleteTrial } from './convert-trial';
import { getCustomerTrial } from './get-customer-trial';
import { listTrials } from './list-trials';
import { cancelConsent, resendConsent } from './manage-consent';
import { editTrialServices, extendTrial, shipTrialDevice } from './manage-trial';
import { lookupTrialEmail, requestTrial } from './request-trial';
import { startTrial } from './start-trial';
import {
  addTrialSchema,
  consentAnswerSchema,
  customerTrialSchema,
  editServicesSchema,
  extendTrialSchema,
  listTrialsSchema,
  lookupTrialEmailSchema,
  shipDeviceSchema,
  startTrialSchema,
  trialDetailsSchema,
  trialIdSchema,
  trialRequestSchema,
} from './trial-schema';

export const trialOps = {
  list: { capability: 'trials.read', schema: listTrialsSchema, handler: listTrials },
  getForCustomer: { capability: 'trials.read', schema: customerTrialSchema, handler: getCustomerTrial },
  lookupEmail: { capability: 'trials.manage', schema: lookupTrialEmailSchema, handler: lookupTrialEmail },
  start: { capability: 'trials.manage', schema: startTrialSchema, handler: startTrial },
  request: { capability: 'trials.manage', schema: trialRequestSchema, handler: requestTrial },
  resendConsent: { capability: 'trials.manage', schema: trialIdSchema, handler: resendConsent },
  cancelConsent: { capability: 'trials.manage', schema: trialIdSchema, handler: cancelConsent },
  provideDetails: { capability: 'trials.manage', schema: trialDetailsSchema, handler: provideTrialDetails },
  addToCustomer: { capability: 'trials.manage', schema: addTrialSchema, handler: addTrialToCustomer },
  extend: { capability: 'trials.manage', schema: extendTrialSchema, handler: extendTrial },
  editServices: { capability: 'trials.manage', schema: editServicesSchema, handler: editTrialServices },
  ship: { capability: 'trials.manage', schema: shipDeviceSchema, handler: shipTrialDevice },
  convert: { capability: 'trials.manage', schema: trialIdSchema, handler: convertTrial },
  delete: { capability: 'trials.manage', schema: trialIdSchema, handler: deleteTrial },
  // The customer's side, on its own org (its full admins only).
  listRequests: { capability: 'cv.trials.answer', schema: z.object({}), handler: listTrialRequests },
  answer: { capability: 'cv.trials.answer', schema: consentAnswerSchema, handler: answerConsent },
} as const satisfies Record<string, { capability: Capability; schema: unknown; handler: unknown }>;
