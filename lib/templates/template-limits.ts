// Zod-free so the wizard's fields can show the limits without loading the schema (lazyZodResolver).
export const TEMPLATE_NAME_MAX = 80;
export const TEMPLATE_TYPES = ['webex_wholesale'] as const;
export { IDP_NAME_MAX } from '@/lib/domain/identity-provider-limits';
