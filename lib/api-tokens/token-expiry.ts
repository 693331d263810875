// Zod-free so the token form lists the choices without loading the schema (lazyZodResolver).
export const TOKEN_EXPIRIES = ['30', '90', '365', 'never'] as const;
export type TokenExpiry = (typeof TOKEN_EXPIRIES)[number];
export const TOKEN_EXPIRY_LABELS: Record<TokenExpiry, string> = { '30': '30 days', '90': '90 days', '365': '365 days', never: 'Never' };
