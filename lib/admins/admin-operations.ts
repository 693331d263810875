// Settings → Administrators use cases with the capability each needs (SPEC §1.2, §10):
// declared once; the server actions and the tests wire these same triples.
import { z } from 'zod';
import type { PartnerCapability } from '@/lib/auth/permissions';
import { adminIdSchema, changeRolesSchema, inviteAdminSchema } from './admin-schema';
import { changeAdminRoles } from './change-admin-roles';
import { inviteAdmin } from './invite-admin';
import { listAdmins } from './list-admins';
import { cancelInvitation, removeAdministrator } from './remove-admin';
import { resendInvitation } from './resend-invitation';

export const adminOps = {
  /** Everyone with a partner role on the org sees the list (read only unless admins.manage). */
  list: { capability: 'org.read', schema: z.object({}), handler: listAdmins },
  invite: { capability: 'admins.manage', schema: inviteAdminSchema, handler: inviteAdmin },
  resend: { capability: 'admins.manage', schema: adminIdSchema, handler: resendInvitation },
  cancel: { capability: 'admins.manage', schema: adminIdSchema, handler: cancelInvitation },
  changeRoles: { capability: 'admins.manage', schema: changeRolesSchema, handler: changeAdminRoles },
  remove: { capability: 'admins.manage', schema: adminIdSchema, handler: removeAdministrator },
} as const satisfies Record<string, { capability: PartnerCapability; schema: z.ZodType; handler: (ctx: never, input: never) => unknown }>;
