// Zod-free so the branding editor can show it without loading the schema (lazyZodResolver).
export const LOGO_MAX_BYTES = 512 * 1024;
