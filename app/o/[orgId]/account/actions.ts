'use server';
import { updateAccountSchema } from '@/lib/customer-org-settings/org-settings-schemas';
import { updateAccount } from '@/lib/customer-org-settings/update-account';
import { orgAction } from '@/lib/server/org-action';

export const updateAccountAction = orgAction('cv.account.edit', updateAccountSchema, updateAccount);
