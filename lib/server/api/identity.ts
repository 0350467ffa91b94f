import { z } from 'zod';
import { changePassword, login, logout, refresh } from '@/lib/domain/identity/commands';
import { changePasswordInput, loginInput, logoutInput, refreshInput } from '@/lib/domain/identity/schemas';
import { logoutReply, tokenReply } from '../auth-reply';
import { parseCookies } from '../authn';
import { endpoint, openEndpoint, Reply } from '../http';
import { renewedSessionCookie } from '../session-cookie';

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

export const changePasswordEndpoint = endpoint({
  summary: 'Change my password: ends every session of mine (a portal session making the change carries on)',
  tags: ['profile'],
  status: 200,
  body: changePasswordInput,
  responses: { 403: 'Account locked after too many wrong old passwords' },
  handler: async ({ actor, body, via }) => {
    const { tokenVersion, ...result } = await changePassword(actor, body);
    if (via !== 'session') return result;
    return new Reply(result, { status: 200, cookies: [await renewedSessionCookie(actor, tokenVersion)] });
  },
});
