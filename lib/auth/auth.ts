import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { clientAddress } from '@/lib/platform/client-address';
import { logger } from '@/lib/platform/logger';
import { safeCallbackPath } from '@/lib/platform/safe-redirect';
import { isSessionLive, revokeSession, SESSION_MAX_AGE_S } from './sessions';
import { attemptSignIn } from './sign-in';
import { signInSchema } from './sign-in-schema';

/** Thrown by authorize when the throttle refuses the attempt; the form shows the wait. */
export class SignInThrottled extends CredentialsSignin {
  code = 'throttled';
  constructor(readonly retryAfterMinutes: number) {
    super();
  }
}

// The JWT carries the user id and the server-side session id (`sid`). Pages, server
// actions and session routes read it through signedInUser() (lib/auth/session-token.ts),
// which checks that session row is live as the jwt callback below does for next-auth's own
// routes (lib/auth/sessions.ts), so sign-out, admin removal and a password change take
// effect at once; roles are resolved per org on the server on every request (lib/auth/access.ts).
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: '/sign-in' },
  logger: {
    // A wrong password or a throttled attempt is an expected outcome shown to the user, not a server error.
    error(error) {
      if (error instanceof CredentialsSignin || error.name === 'CredentialsSignin') return;
      logger.error({ err: error }, 'sign-in error');
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const outcome = await attemptSignIn(getDb(), {
          ...parsed.data,
          clientIp: clientAddress(request.headers),
          userAgent: request.headers.get('user-agent'),
        });
        if (outcome.ok) return { ...outcome.user, sid: outcome.sessionId };
        if (outcome.reason === 'throttled') throw new SignInThrottled(outcome.retryAfterMinutes);
        return null;
      },
    }),
  ],
  callbacks: {
    // Every redirect next-auth makes (its own routes' callbackUrl too) stays on this site.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
    },
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = (user as { sid?: string }).sid;
        return token;
      }
      // A revoked, expired or pre-session token ends here: auth() then sees no session.
      return (await isSessionLive(getDb(), token.sid, token.sub)) ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await revokeSession(getDb(), sid);
    },
  },
});
