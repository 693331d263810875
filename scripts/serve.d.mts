import type { IncomingMessage } from 'node:http';
export const FORWARDED_HEADERS: string[];
export function sanitizeForwardedHeaders(req: IncomingMessage, trusted: boolean): void;
/** Server processes per instance from WEB_CONCURRENCY (unset → 1, `auto` → one per core); throws on anything else. */
export function webConcurrency(value: string | undefined, cores?: number): number;
