'use server';
import { getDb } from '@/db/client';
import { acceptInvitation } from '@/lib/auth/invitations';
import { acceptInvitationSchema } from '@/lib/auth/invitations-schema';
import { zodFieldErrors } from '@/lib/server/guard';
import { DomainError } from '@/lib/platform/errors';
import { signIn } from '@/lib/auth/auth';

export async function acceptInvitationAction(input: { token: string; password: string; confirmPassword: string }) {
  const parsed = acceptInvitationSchema.safeParse(input);
  if (!parsed.success) return { ok: false as const, message: 'Check the highlighted fields.', fieldErrors: zodFieldErrors(parsed.error) };
  let email: string;
  try {
    ({ email } = await getDb().transaction((tx) =>
      acceptInvitation(tx, { token: parsed.data.token, password: parsed.data.password, now: new Date() }),
    ));
  } catch (err) {
    if (err instanceof DomainError) return { ok: false as const, message: err.message };
    throw err;
  }
  // Signs the new admin in and lands them on their org (a redirect thrown by Next).
  await signIn('credentials', { email, password: parsed.data.password, redirectTo: '/' });
  return { ok: true as const };
}
