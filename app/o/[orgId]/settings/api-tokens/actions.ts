'use server';
// API tokens (SPEC §8.1): partner full admins, own org only (not cross-launched).
import { apiTokenOps } from '@/lib/api-tokens/token-operations';
import { orgAction } from '@/lib/server/org-action';

export const createApiTokenAction = orgAction(apiTokenOps.create);
export const revokeApiTokenAction = orgAction(apiTokenOps.revoke);
