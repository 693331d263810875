'use server';
// User management in the customer view. The cv.* capability decides for customer admins
// (role − RBPM) and partner admins (customerView.write) alike; no rules live here.
import { addUsers } from '@/lib/subscribers/add-users';
import { changePackage } from '@/lib/subscribers/change-package';
import { removeSubscriber } from '@/lib/subscribers/remove-subscriber';
import {
  addUsersSchema, changePackageSchema, subscriberIdSchema, updatePrimaryNumberSchema, updateUserNamesSchema,
} from '@/lib/subscribers/subscriber-schemas';
import { updatePrimaryNumber } from '@/lib/subscribers/update-primary-number';
import { updateUserNames } from '@/lib/subscribers/update-user-names';
import { orgAction } from '@/lib/server/org-action';

export const addUsersAction = orgAction('cv.users.manage', addUsersSchema, addUsers);
export const changePackageAction = orgAction('cv.users.manage', changePackageSchema, changePackage);
export const removeSubscriberAction = orgAction('cv.users.manage', subscriberIdSchema, removeSubscriber);
export const updateUserNamesAction = orgAction('cv.users.editNames', updateUserNamesSchema, updateUserNames);
export const updatePrimaryNumberAction = orgAction('cv.users.primaryNumber', updatePrimaryNumberSchema, updatePrimaryNumber);
