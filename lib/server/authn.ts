import { decode } from 'next-auth/jwt';
import type { Actor } from '@/lib/domain/actor';
import { unauthenticated } from '@/lib/domain/errors';
import { sessionActor } from '@/lib/domain/identity/sessions';
import { verifyAccessToken } from '@/lib/domain/identity/tokens';
import { nextAuthSecret } from './env';

export type AuthVia = 'bearer' | 'cookie' | 'session';

export function parseCookies(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** The user id and session version of a next-auth session cookie (JWT session), or null. */
export async function sessionClaims(cookies: Record<string, string>): Promise<{ userId: number; ver: unknown } | null> {
  for (const name of SESSION_COOKIES) {
    // next-auth splits large session cookies into name.0, name.1 ...
    const value =
      cookies[name] ??
      Object.keys(cookies)
        .filter((k) => k.startsWith(`${name}.`))
        .sort()
        .map((k) => cookies[k])
        .join('');
    if (!value) continue;
    const token = await decode({ token: value, secret: nextAuthSecret() }).catch(() => null);
    const id = Number(token?.sub);
    if (Number.isSafeInteger(id) && id > 0) return { userId: id, ver: token?.ver };
  }
  return null;
}

/** The portal session's actor (pages): null when signed out, or when the session was ended since. */
export async function portalActor(
  cookies: Record<string, string>,
  meta: { ip?: string | null; userAgent?: string | null },
): Promise<Actor | null> {
  const session = await sessionClaims(cookies);
  return session ? sessionActor(session.userId, session.ver, meta) : null;
}

/**
 * Who is calling: `Authorization: Bearer`, else the `access_token` cookie, else the portal session.
 * A presented but invalid bearer token is a 401 (no silent fallback).
 */
export async function authenticate(
  headers: Headers,
  meta: { ip?: string | null; userAgent?: string | null },
): Promise<{ actor: Actor; via: AuthVia } | null> {
  const auth = headers.get('authorization');
  if (auth) {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    const claims = m ? await verifyAccessToken(m[1]) : null;
    const actor = claims ? await sessionActor(claims.user_id, claims.ver, meta) : null;
    if (!actor) throw unauthenticated('Given token not valid for any token type');
    return { actor, via: 'bearer' };
  }
  const cookies = parseCookies(headers.get('cookie'));
  if (cookies.access_token) {
    const claims = await verifyAccessToken(cookies.access_token);
    const actor = claims ? await sessionActor(claims.user_id, claims.ver, meta) : null;
    if (actor) return { actor, via: 'cookie' };
  }
  const actor = await portalActor(cookies, meta);
  return actor ? { actor, via: 'session' } : null;
}
