import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { AppError } from '@/lib/domain/errors';
import { signInForPortal } from '@/lib/domain/identity/commands';
import { loginInput } from '@/lib/domain/identity/schemas';
import { env, nextAuthSecret } from './env';

/** Portal sign-in: next-auth Credentials + JWT session, sharing the user store and lockout with /auth/token/. */
export const authOptions: NextAuthOptions = {
  // Read at request time: server.ts may provide the secret after this module is loaded.
  get secret() {
    return nextAuthSecret();
  },
  session: { strategy: 'jwt', maxAge: env.REFRESH_TOKEN_TTL_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Switchboard',
      credentials: { username: { label: 'Email or username', type: 'text' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const parsed = loginInput.safeParse({ username: credentials?.username, password: credentials?.password });
        if (!parsed.success) throw new Error('Enter your email or username and your password.');
        const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
        try {
          const actor = await signInForPortal(
            { ip: headers['x-forwarded-for']?.split(',')[0] ?? null, userAgent: headers['user-agent'] ?? null },
            parsed.data,
          );
          return { id: String(actor.id), email: actor.email, name: actor.name };
        } catch (e) {
          // next-auth passes the message to the login page as `error`.
          if (e instanceof AppError)
            throw new Error(e.code === 'ACCOUNT_LOCKED' ? e.message : 'Invalid email/username or password.');
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user) token.sub = user.id;
      return token;
    },
    session: ({ session, token }) => {
      if (session.user) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
