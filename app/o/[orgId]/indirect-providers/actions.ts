'use server';
import { createSubPartner } from '@/lib/sub-partners/create-sub-partner';
import { setSubPartnerState } from '@/lib/sub-partners/set-sub-partner-state';
import { createSubPartnerSchema, setSubPartnerStateSchema } from '@/lib/sub-partners/sub-partner-schema';
import { orgAction } from '@/lib/server/org-action';

export const createSubPartnerAction = orgAction('subPartners.manage', createSubPartnerSchema, createSubPartner);
export const setSubPartnerStateAction = orgAction('subPartners.manage', setSubPartnerStateSchema, setSubPartnerState);
