'use server';
import { adminOps } from '@/lib/admins/admin-operations';
import { orgAction } from '@/lib/server/org-action';

const { invite, resend, cancel, changeRoles, remove } = adminOps;
export const inviteAdminAction = orgAction(invite.capability, invite.schema, invite.handler);
export const resendInvitationAction = orgAction(resend.capability, resend.schema, resend.handler);
export const cancelInvitationAction = orgAction(cancel.capability, cancel.schema, cancel.handler);
export const changeAdminRolesAction = orgAction(changeRoles.capability, changeRoles.schema, changeRoles.handler);
export const removeAdminAction = orgAction(remove.capability, remove.schema, remove.handler);
