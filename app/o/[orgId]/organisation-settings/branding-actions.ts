'use server';
import { brandingOps } from '@/lib/branding/branding-operations';
import { orgAction } from '@/lib/server/org-action';

// A customer's own branding, overriding its partner's (SPEC §10); RBPM can restrict it.
const { save, uploadLogo, removeLogo } = brandingOps.customer;
export const saveCustomerBrandingAction = orgAction(save.capability, save.schema, save.handler);
export const uploadCustomerLogoAction = orgAction(uploadLogo.capability, uploadLogo.schema, uploadLogo.handler);
export const removeCustomerLogoAction = orgAction(removeLogo.capability, removeLogo.schema, removeLogo.handler);
