'use server';
// User management in the customer view. The cv.* capability decides for customer admins
// (role − RBPM) and partner admins (customerView.write) alike; no rules live here.
import { subscriberOps } from '@/lib/subscribers/subscriber-operations';
import { updatePrimaryNumberSchema, updateUserNamesSchema } from '@/lib/subscribers/subscriber-schemas';
import { updatePrimaryNumber } from '@/lib/subscribers/update-primary-number';
import { updateUserNames } from '@/lib/subscribers/update-user-names';
import { orgAction } from '@/lib/server/org-action';

export const addUsersAction = orgAction(subscriberOps.addUsers);
export const changePackageAction = orgAction(subscriberOps.changePackage);
export const removeSubscriberAction = orgAction(subscriberOps.remove);
export const updateUserNamesAction = orgAction('cv.users.editNames', updateUserNamesSchema, updateUserNames);
export const updatePrimaryNumberAction = orgAction('cv.users.primaryNumber', updatePrimaryNumberSchema, updatePrimaryNumber);
