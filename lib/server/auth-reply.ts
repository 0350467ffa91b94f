import { env } from './env';
import { Reply } from './http';

function cookie(name: string, value: string, maxAge: number, path = '/') {
  const secure = env.NODE_ENV === 'production' ? '; Secure' : '';
  return `${name}=${encodeURIComponent(value)}; Path=${path}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

/** Token responses also set the `access_token` cookie of spec 000 (and a refresh cookie scoped to /auth). */
export function tokenReply(body: { access: string; refresh: string } & Record<string, unknown>, status = 200) {
  return new Reply(body, {
    status,
    headers: { 'Cache-Control': 'no-store' },
    cookies: [
      cookie('access_token', body.access, env.ACCESS_TOKEN_TTL_SECONDS),
      cookie('refresh_token', body.refresh, env.REFRESH_TOKEN_TTL_SECONDS, '/auth'),
    ],
  });
}

export function logoutReply(body: unknown) {
  return new Reply(body, { status: 200, cookies: [cookie('access_token', '', 0), cookie('refresh_token', '', 0, '/auth')] });
}
