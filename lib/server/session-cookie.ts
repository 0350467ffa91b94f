import { encode } from 'next-auth/jwt';
import { appOrigin, env, nextAuthSecret } from './env';

/** next-auth's session cookie name: `__Secure-` when the app is served over HTTPS. */
export function sessionCookieName(): string {
  return appOrigin().startsWith('https:') ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

/**
 * A fresh portal session cookie for the session that just changed the user's password or second factor:
 * every other session ended, this one carries on with the new version.
 */
export async function renewedSessionCookie(user: { id: number; email: string; name: string }, tokenVersion: number) {
  const maxAge = env.REFRESH_TOKEN_TTL_SECONDS;
  const value = await encode({
    token: { sub: String(user.id), email: user.email, name: user.name, ver: tokenVersion },
    secret: nextAuthSecret(),
    maxAge,
  });
  const secure = sessionCookieName().startsWith('__Secure-') ? '; Secure' : '';
  return `${sessionCookieName()}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}
