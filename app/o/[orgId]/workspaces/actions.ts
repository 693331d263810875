'use server';
import { addWorkspace } from '@/lib/subscribers/add-workspace';
import { addWorkspaceSchema } from '@/lib/subscribers/subscriber-schemas';
import { orgAction } from '@/lib/server/org-action';

export const addWorkspaceAction = orgAction('cv.users.manage', addWorkspaceSchema, addWorkspace);
