import type { IncomingMessage } from 'node:http';
export const FORWARDED_HEADERS: string[];
export function sanitizeForwardedHeaders(req: IncomingMessage, trusted: boolean): void;
