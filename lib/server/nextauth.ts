import { NextRequest } from 'next/server';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { AppError } from '@/lib/domain/errors';
import { signInForPortal, signOutOfPortal } from '@/lib/domain/identity/commands';
import { loginInput } from '@/lib/domain/identity/schemas';
import { readBodyLimited } from './body';
import { clientIpOf } from './client-ip';
import { env, nextAuthSecret } from './env';
import { errorResponse, requestMeta, toAppError } from './http';
import { consume } from './ratelimit';

/** Messages next-auth hands to the login page as `error`; the form recognises OTP_REQUIRED to ask for the code. */
export const OTP_REQUIRED = 'OTP_REQUIRED';

/**
 * Portal sign-in: next-auth Credentials + JWT session, sharing the user store, the lockout and the rate limit
 * (per client address, the `token` bucket) with /auth/token/. The session carries the user's session version
 * (`ver`): sign-out, password change, deactivation and the rest end it everywhere (identity/sessions.ts).
 */
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
      credentials: {
        username: { label: 'Email or username', type: 'text' },
        password: { label: 'Password', type: 'password' },
        otp_code: { label: 'Authentication code', type: 'text' },
      },
      async authorize(credentials, req) {
        const headers = new Headers(
          Object.entries((req?.headers ?? {}) as Record<string, string | undefined>).filter(
            (e): e is [string, string] => typeof e[1] === 'string',
          ),
        );
        const meta = { ip: clientIpOf(headers), userAgent: headers.get('user-agent') };
        const parsed = loginInput.safeParse({
          username: credentials?.username,
          password: credentials?.password,
          otp_code: credentials?.otp_code || undefined,
        });
        if (!parsed.success) throw new Error('Enter your email or username and your password.');
        try {
          await consume('token', `ip:${meta.ip ?? 'unknown'}`);
          const { actor, tokenVersion } = await signInForPortal(meta, parsed.data);
          return { id: String(actor.id), email: actor.email, name: actor.name, ver: tokenVersion };
        } catch (e) {
          // next-auth passes the message to the login page as `error`.
          if (e instanceof AppError) {
            if (e.code === 'ACCOUNT_LOCKED') throw new Error(e.message);
            if (e.code === 'RATE_LIMIT_EXCEEDED') throw new Error('Too many sign-in attempts. Wait a minute and try again.');
            if (e.code === 'OTP_REQUIRED') throw new Error(OTP_REQUIRED);
            if (e.code === 'INVALID_OTP') throw new Error('That code is wrong or was already used.');
            throw new Error('Invalid email/username or password.');
          }
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user) {
        token.sub = user.id;
        token.ver = (user as { ver?: number }).ver;
      }
      return token;
    },
    session: ({ session, token }) => {
      if (session.user) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
  events: {
    // Signing out ends every session of the user, so a copied cookie stops working too.
    signOut: async ({ token }) => {
      const userId = Number(token?.sub);
      if (Number.isSafeInteger(userId) && userId > 0) await signOutOfPortal({}, { userId, ver: token?.ver });
    },
  },
};

type NextAuthHandler = (req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

/**
 * next-auth reads its form bodies whole: give it a copy read with the body limit (413 above it), so a huge or
 * endless sign-in body never sits in memory.
 */
export function limitedNextAuth(handler: NextAuthHandler): NextAuthHandler {
  return async (req, ctx) => {
    if (req.method !== 'POST' || !req.body) return handler(req, ctx);
    const meta = requestMeta(req);
    try {
      const bytes = await readBodyLimited(req, env.REQUEST_BODY_MAX_BYTES);
      return handler(new NextRequest(req.url, { method: req.method, headers: req.headers, body: bytes }), ctx);
    } catch (e) {
      return errorResponse(toAppError(e, meta.traceId), meta.traceId);
    }
  };
}
