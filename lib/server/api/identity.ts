import { z } from 'zod';
import {
  beginTwoFactor,
  confirmPasswordReset,
  disableTwoFactor,
  enableTwoFactor,
  regenerateRecoveryCodes,
  requestPasswordReset,
  twoFactorStatus,
} from '@/lib/domain/identity/account';
import { changePassword, login, logout, refresh } from '@/lib/domain/identity/commands';
import {
  loginOutput,
  messageOutput,
  recoveryCodesOutput,
  tokenPairOutput,
  twoFactorDisableOutput,
  twoFactorEnableOutput,
  twoFactorSetupOutput,
  twoFactorStatusOutput,
} from '@/lib/domain/identity/outputs';
import {
  changePasswordInput,
  loginInput,
  logoutInput,
  passwordResetConfirmInput,
  passwordResetRequestInput,
  recoveryCodesInput,
  refreshInput,
  twoFactorDisableInput,
  twoFactorEnableInput,
} from '@/lib/domain/identity/schemas';
import { logoutReply, tokenReply } from '../auth-reply';
import type { AuthVia } from '../authn';
import { parseCookies } from '../authn';
import { endpoint, openEndpoint, Reply } from '../http';
import { consume } from '../ratelimit';
import { renewedSessionCookie } from '../session-cookie';

/** Token endpoints are served at two paths each (002's /auth/token/ and 003's /auth/api/v1/users/token/). */
export const tokenEndpoint = openEndpoint({
  summary: 'Obtain an access and a refresh token (username or email + password)',
  tags: ['auth'],
  auth: 'public',
  rateLimit: 'token',
  status: 200,
  body: loginInput,
  output: loginOutput,
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
  output: tokenPairOutput,
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
  output: messageOutput,
  responses: { 401: 'No token to log out with, or an invalid refresh token' },
  handler: async ({ body, meta, req }) => {
    const cookies = parseCookies(req.headers.get('cookie'));
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.get('authorization') ?? '')?.[1] ?? null;
    return logoutReply(
      await logout(meta, { refresh: body.refresh ?? cookies.refresh_token, access: bearer ?? cookies.access_token ?? null }),
    );
  },
});

/**
 * A change that ended every session of the caller: the portal session that made it carries on with a renewed
 * cookie; API callers sign in again.
 */
async function keepThisSession<T extends { tokenVersion: number }>(
  actor: { id: number; email: string; name: string },
  via: AuthVia | 'apiKey' | null,
  result: T,
) {
  const { tokenVersion, ...body } = result;
  if (via !== 'session') return body;
  return new Reply(body, { status: 200, cookies: [await renewedSessionCookie(actor, tokenVersion)] });
}

export const passwordResetRequestEndpoint = openEndpoint({
  summary: 'Ask for a password reset link by e-mail (the same answer for every address)',
  tags: ['auth'],
  auth: 'public',
  rateLimit: 'token',
  status: 200,
  body: passwordResetRequestInput,
  output: messageOutput,
  responses: { 429: 'Too many requests (per client address, and per e-mail address)' },
  handler: async ({ body, meta }) => {
    await consume('passwordReset', `email:${body.email}`);
    return requestPasswordReset(meta, body);
  },
});

export const passwordResetConfirmEndpoint = openEndpoint({
  summary: 'Choose a new password with the link of the e-mail (works once; ends every session)',
  tags: ['auth'],
  auth: 'public',
  rateLimit: 'token',
  status: 200,
  body: passwordResetConfirmInput,
  output: messageOutput,
  responses: { 400: 'Invalid, expired or used link, or a weak password' },
  handler: ({ body, meta }) => confirmPasswordReset(meta, body),
});

export const twoFactorStatusEndpoint = endpoint({
  summary: 'My two-factor sign-in: on or off, required by my roles, recovery codes left',
  tags: ['profile'],
  output: twoFactorStatusOutput,
  handler: ({ actor }) => twoFactorStatus(actor),
});

export const twoFactorSetupEndpoint = endpoint({
  summary: 'Start two-factor enrolment: a new secret as an otpauth:// URI and a QR code',
  tags: ['profile'],
  status: 200,
  output: twoFactorSetupOutput,
  responses: { 409: 'Already on' },
  handler: ({ actor }) => beginTwoFactor(actor),
});

export const twoFactorEnableEndpoint = endpoint({
  summary: 'Confirm enrolment with a code: turns two-factor on, returns recovery codes once, ends other sessions',
  tags: ['profile'],
  status: 200,
  body: twoFactorEnableInput,
  output: twoFactorEnableOutput,
  responses: { 409: 'Already on, or the set-up was not started' },
  handler: async ({ actor, body, via }) => keepThisSession(actor, via, await enableTwoFactor(actor, body)),
});

export const twoFactorDisableEndpoint = endpoint({
  summary: 'Turn two-factor sign-in off (password and a code); ends other sessions',
  tags: ['profile'],
  status: 200,
  body: twoFactorDisableInput,
  output: twoFactorDisableOutput,
  responses: { 403: 'Required for administrators, or account locked', 409: 'Two-factor sign-in is not on' },
  handler: async ({ actor, body, via }) => keepThisSession(actor, via, await disableTwoFactor(actor, body)),
});

export const recoveryCodesEndpoint = endpoint({
  summary: 'New recovery codes (a current code); the old ones stop working',
  tags: ['profile'],
  status: 200,
  body: recoveryCodesInput,
  output: recoveryCodesOutput,
  responses: { 409: 'Two-factor sign-in is not on' },
  handler: ({ actor, body }) => regenerateRecoveryCodes(actor, body),
});

export const changePasswordEndpoint = endpoint({
  summary: 'Change my password: ends every session of mine (a portal session making the change carries on)',
  tags: ['profile'],
  status: 200,
  body: changePasswordInput,
  output: messageOutput,
  responses: { 403: 'Account locked after too many wrong old passwords' },
  handler: async ({ actor, body, via }) => keepThisSession(actor, via, await changePassword(actor, body)),
});
