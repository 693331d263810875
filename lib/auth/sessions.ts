import type { DbOrTx } from '@/db/client';

/** Ends every server-side session of userId (access shrank: removed, roles reduced). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function revokeUserSessions(db: DbOrTx, userId: string): Promise<void> {
  // Implemented by the security branch (auth_sessions); replaced at merge.
}
