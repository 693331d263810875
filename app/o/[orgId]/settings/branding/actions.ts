'use server';
import { brandingOps } from '@/lib/branding/branding-operations';
import { orgAction } from '@/lib/server/org-action';

const { save, uploadLogo, removeLogo } = brandingOps.partner;
export const saveBrandingAction = orgAction(save.capability, save.schema, save.handler);
export const uploadLogoAction = orgAction(uploadLogo.capability, uploadLogo.schema, uploadLogo.handler);
export const removeLogoAction = orgAction(removeLogo.capability, removeLogo.schema, removeLogo.handler);
