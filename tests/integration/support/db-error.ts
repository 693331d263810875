import { expect } from 'vitest';

/** Drizzle wraps database errors ("Failed query: …"); the server's message is in `cause`. */
export async function expectDbError(p: Promise<unknown>, pattern: RegExp) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'expected the database to refuse').not.toBeNull();
  const messages: string[] = [];
  for (let e = err as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) messages.push(String(e.message));
  expect(messages.join(' | ')).toMatch(pattern);
}
