'use server';
// The trial use cases as server actions (SPEC §9): one line each around the declared
// { capability, schema, handler } of lib/trials/trial-operations.ts.
import { orgAction } from '@/lib/server/org-action';
import { trialOps } from '@/lib/trials/trial-operations';

const {
  addToCustomer,
  cancelConsent,
  convert,
  delete: remove,
  editServices,
  extend,
  lookupEmail,
  provideDetails,
  request,
  resendConsent,
  ship,
  start,
} = trialOps;

export const lookupTrialEmailAction = orgAction(lookupEmail.capability, lookupEmail.schema, lookupEmail.handler);
export const startTrialAction = orgAction(start.capability, start.schema, start.handler);
export const requestTrialAction = orgAction(request.capability, request.schema, request.handler);
export const resendConsentAction = orgAction(resendConsent.capability, resendConsent.schema, resendConsent.handler);
export const cancelConsentAction = orgAction(cancelConsent.capability, cancelConsent.schema, cancelConsent.handler);
export const provideTrialDetailsAction = orgAction(provideDetails.capability, provideDetails.schema, provideDetails.handler);
export const addTrialAction = orgAction(addToCustomer.capability, addToCustomer.schema, addToCustomer.handler);
export const extendTrialAction = orgAction(extend.capability, extend.schema, extend.handler);
export const editTrialServicesAction = orgAction(editServices.capability, editServices.schema, editServices.handler);
export const shipTrialDeviceAction = orgAction(ship.capability, ship.schema, ship.handler);
export const convertTrialAction = orgAction(convert.capability, convert.schema, convert.handler);
export const deleteTrialAction = orgAction(remove.capability, remove.schema, remove.handler);
