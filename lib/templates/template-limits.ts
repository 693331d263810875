// Zod-free so the wizard's fields can show the limits without loading the schema (lazyZodResolver).
export const TEMPLATE_NAME_MAX = 80;
export { IDP_NAME_MAX } from '@/lib/domain/identity-provider-limits';
