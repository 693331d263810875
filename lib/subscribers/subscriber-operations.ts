// Each subscriber use case with its capability and input schema, declared once: the
// portal's server actions and the REST door (lib/api/endpoints) take these.
import type { UseCaseTable } from '@/lib/platform/use-case';
import { addApiSubscriber } from './add-api-subscriber';
import { addUsers } from './add-users';
import { changePackage } from './change-package';
import { removeSubscriber } from './remove-subscriber';
import { apiCreateSubscriberSchema, apiListSubscribersSchema } from './subscriber-api-schema';
import { listApiSubscribers } from './subscriber-resource';
import { addUsersSchema, changePackageSchema, subscriberIdSchema } from './subscriber-schemas';
import { validateSubscriber } from './validate-subscriber';

export const subscriberOps = {
  /** Portal: up to 25 users at once, a result per row. */
  addUsers: { capability: 'cv.users.manage', schema: addUsersSchema, handler: addUsers },
  /** API: one subscriber, answered as the provisioned resource. */
  add: { capability: 'cv.users.manage', schema: apiCreateSubscriberSchema, handler: addApiSubscriber },
  validate: { capability: 'cv.users.manage', schema: apiCreateSubscriberSchema, handler: validateSubscriber },
  changePackage: { capability: 'cv.users.manage', schema: changePackageSchema, handler: changePackage },
  remove: { capability: 'cv.users.manage', schema: subscriberIdSchema, handler: removeSubscriber },
  /** Across the org's customers (partner level): opening customers' views is what reading them needs. */
  list: { capability: 'customerView.open', schema: apiListSubscribersSchema, handler: listApiSubscribers },
} as const satisfies UseCaseTable;
