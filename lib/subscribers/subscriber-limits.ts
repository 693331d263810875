// Zod-free so client components can import it without loading the schemas (see lazyZodResolver).
/** Users created per call (form rows, API batch). */
export const MAX_USERS_PER_CALL = 25;
