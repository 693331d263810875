// Zod-free so the wizard's fields can show the limits without loading the schema (lazyZodResolver).
export const TEMPLATE_NAME_MAX = 80;
export const IDP_NAME_MAX = 128;
