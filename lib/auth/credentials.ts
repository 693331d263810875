import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { users } from '@/db/schema';
import { dummyHash, verifyPassword } from './password';

/** The user for valid credentials, else null — never saying which part was wrong. */
export async function checkCredentials(db: DbOrTx, email: string, password: string) {
  const [user] = await db
    .select({ id: users.id, email: users.email, firstName: users.firstName, lastName: users.lastName, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  // Verify against a dummy hash when the user is unknown so timing doesn't tell.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user?.passwordHash || !ok) return null;
  return { id: user.id, email: user.email, name: `${user.firstName} ${user.lastName}`.trim() };
}
