import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { env, jwtSecret } from '@/lib/server/env';
import type { ActorRole } from '../actor';

/** Access-token claims of spec 000 (plus `token_type`, `jti` and `ver`, the user's session version). */
export interface AccessClaims {
  user_id: number;
  ver: number;
  email: string;
  username: string;
  roles: ActorRole[];
  token_type: 'access';
  exp: number;
  iat: number;
}

export interface RefreshClaims {
  user_id: number;
  token_type: 'refresh';
  jti: string;
  family: string;
  exp: number;
  iat: number;
}

export async function signAccessToken(user: {
  id: number;
  email: string;
  username: string;
  roles: ActorRole[];
  tokenVersion: number;
}) {
  return new SignJWT({
    user_id: user.id,
    email: user.email,
    username: user.username,
    roles: user.roles,
    token_type: 'access',
    ver: user.tokenVersion,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(`${env.ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(jwtSecret());
}

export async function signRefreshToken(userId: number, jti: string, family: string, expiresAt: Date) {
  return new SignJWT({ user_id: userId, token_type: 'refresh', family })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setJti(jti)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(jwtSecret());
}

async function verify<T>(token: string, type: 'access' | 'refresh'): Promise<T | null> {
  try {
    // A token without an expiry would never end: refuse it (and one without a subject or version).
    const { payload } = await jwtVerify(token, jwtSecret(), { algorithms: ['HS256'], requiredClaims: ['exp', 'iat'] });
    if (payload.token_type !== type || !Number.isSafeInteger(payload.user_id)) return null;
    if (type === 'access' && !Number.isSafeInteger(payload.ver)) return null;
    return payload as T;
  } catch {
    return null;
  }
}

/**
 * Access tokens already verified by this process, until they expire. A token's signature and claims never change,
 * so checking its HMAC once is enough (the profile of a point read spent a tenth of its CPU there); whether the
 * session still holds is decided on every request by the user's session version (`sessionActor`).
 */
const verified = new Map<string, AccessClaims>();
const VERIFIED_MAX = 20_000;

export async function verifyAccessToken(token: string): Promise<AccessClaims | null> {
  const hit = verified.get(token);
  if (hit) {
    if (hit.exp * 1000 > Date.now()) return hit;
    verified.delete(token);
    return null;
  }
  const claims = await verify<AccessClaims>(token, 'access');
  if (claims) {
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
    verified.set(token, claims);
  }
  return claims;
}
export const verifyRefreshToken = (token: string) => verify<RefreshClaims>(token, 'refresh');
