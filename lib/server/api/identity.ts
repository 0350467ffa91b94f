import { z } from 'zod';
import { login, logout, refresh } from '@/lib/domain/identity/commands';
import { loginInput, logoutInput, refreshInput } from '@/lib/domain/identity/schemas';
import { logoutReply, tokenReply } from '../auth-reply';
import { parseCookies } from '../authn';
import { openEndpoint } from '../http';

/** Token endpoints are served at two paths each (002's /auth/token/ and 003's /auth/api/v1/users/token/). */
export const tokenEndpoint = openEndpoint({
  summary: 'Obtain an access and a refresh token (username or email + password)',
  tags: ['auth'],
  auth: 'public',
  rateLimit: 'token',
  status: 200,
  body: loginInput,
  responses: { 401: 'Invalid credentials', 403: 'Account locked', 429: 'Rate limit exceeded' },
  handler: async ({ body, meta }) => tokenReply(await login(meta, body)),
});

export const refreshEndpoint = openEndpoint({
  summary: 'Rotate a refresh token: returns a new access and refresh token',
  tags: ['auth'],
  auth: 'public',
  rateLimit: 'token',
  status: 200,
  body: refreshInput.partial(),
  responses: { 401: 'Invalid, expired, revoked or reused refresh token' },
  handler: async ({ body, meta, req }) => {
    const token = body.refresh ?? parseCookies(req.headers.get('cookie')).refresh_token;
    return tokenReply(await refresh(meta, z.string().min(1, 'This field is required').parse(token)));
  },
});

export const logoutEndpoint = openEndpoint({
  summary: 'Log out: revoke the refresh token family (or all sessions without one)',
  tags: ['auth'],
  auth: 'public',
  status: 200,
  body: logoutInput,
  handler: async ({ body, meta, req }) => {
    const cookies = parseCookies(req.headers.get('cookie'));
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.get('authorization') ?? '')?.[1] ?? null;
    return logoutReply(
      await logout(meta, { refresh: body.refresh ?? cookies.refresh_token, access: bearer ?? cookies.access_token ?? null }),
    );
  },
});
