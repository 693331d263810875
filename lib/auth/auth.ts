import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { checkCredentials } from './credentials';
import { recordSignIn } from './record-sign-in';
import { signInSchema } from './sign-in-schema';

// JWT sessions carrying the user id; roles are resolved on the server per org on every
// request (lib/auth/access.ts), so a revoked grant takes effect at once.
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  pages: { signIn: '/sign-in' },
  logger: {
    // A wrong password is an expected outcome shown to the user, not a server error.
    error(error) {
      if (error.name === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await checkCredentials(getDb(), parsed.data.email, parsed.data.password);
        if (user) await recordSignIn(getDb(), user.id, new Date());
        return user;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
