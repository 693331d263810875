'use server';
import { updateAccountSchema } from '@/lib/org-settings/org-settings-schemas';
import { updateAccount } from '@/lib/org-settings/update-account';
import { orgAction } from '@/lib/server/org-action';

export const updateAccountAction = orgAction('cv.account.edit', updateAccountSchema, updateAccount);
