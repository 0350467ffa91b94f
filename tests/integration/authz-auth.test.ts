/**
 * Authorization matrix of the auth service: every /auth route × every role → expected status.
 * Refused calls must leave the identity tables and the audit log unchanged (checked by runMatrix).
 */

import { createHash, randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { describe } from 'vitest';
import * as notFoundRoute from '@/app/(api)/auth/[...rest]/route';
import * as rolesRoute from '@/app/(api)/auth/api/v1/roles/route';
import * as ttsRoleUsersRoute from '@/app/(api)/auth/api/v1/tts/roles/[role_id]/users/route';
import * as ttsRolesRoute from '@/app/(api)/auth/api/v1/tts/roles/route';
import * as userRoleRoute from '@/app/(api)/auth/api/v1/user-roles/[id]/route';
import * as userRolesRoute from '@/app/(api)/auth/api/v1/user-roles/route';
import * as userSystemRolesRoute from '@/app/(api)/auth/api/v1/users/[id]/roles/route';
import * as userRoute from '@/app/(api)/auth/api/v1/users/[id]/route';
import * as changePasswordRoute from '@/app/(api)/auth/api/v1/users/change-password/route';
import * as resetConfirmRoute from '@/app/(api)/auth/api/v1/users/password-reset/confirm/route';
import * as resetRoute from '@/app/(api)/auth/api/v1/users/password-reset/route';
import * as profileRoute from '@/app/(api)/auth/api/v1/users/profile/route';
import * as usersRoute from '@/app/(api)/auth/api/v1/users/route';
import * as v1RefreshRoute from '@/app/(api)/auth/api/v1/users/token/refresh/route';
import * as v1TokenRoute from '@/app/(api)/auth/api/v1/users/token/route';
import * as twoFactorDisableRoute from '@/app/(api)/auth/api/v1/users/two-factor/disable/route';
import * as twoFactorEnableRoute from '@/app/(api)/auth/api/v1/users/two-factor/enable/route';
import * as recoveryCodesRoute from '@/app/(api)/auth/api/v1/users/two-factor/recovery-codes/route';
import * as twoFactorRoute from '@/app/(api)/auth/api/v1/users/two-factor/route';
import * as twoFactorSetupRoute from '@/app/(api)/auth/api/v1/users/two-factor/setup/route';
import * as healthRoute from '@/app/(api)/auth/health/route';
import * as logoutRoute from '@/app/(api)/auth/logout/route';
import * as refreshRoute from '@/app/(api)/auth/token/refresh/route';
import * as tokenRoute from '@/app/(api)/auth/token/route';
import { beginTwoFactor, enableTwoFactor } from '@/lib/domain/identity/account';
import { login } from '@/lib/domain/identity/commands';
import { loadActor } from '@/lib/domain/identity/queries';
import { db } from '@/lib/server/db';
import { makeUser, PASSWORD } from '../helpers/api';
import { type MatrixRow, runMatrix, standIn } from '../helpers/matrix';

const ADMIN_ONLY = { admin: 200, anonymous: 401, otherwise: 403 } as const;
const STAFF = { anonymous: 401, employee: 403, otherEmployee: 403, otherwise: 200 } as const;
const SIGNED_IN = { anonymous: 401, otherwise: 200 } as const;
const PUBLIC = { otherwise: 200 } as const;

const roleId = async (system: 'hdts' | 'tts', name: string) =>
  (await db.role.findUniqueOrThrow({ where: { system_name: { system, name } } })).id;

/** A fresh user's tokens (public token endpoints need a new refresh token per call). */
async function freshLogin() {
  const user = await makeUser([['hdts', 'Employee']]);
  return login({ ip: '127.0.0.1', userAgent: 'vitest' }, { username: user.username, password: PASSWORD });
}

const newUserBody = () => {
  const s = Math.random().toString(36).slice(2, 10);
  return { username: `m_${s}`, email: `m_${s}@example.test`, password: 'Matrix-pass-2026' };
};

const rows: MatrixRow[] = [
  // Public token endpoints: anyone may call them (credentials are the authorization).
  ...[
    ['/auth/token/', tokenRoute],
    ['/auth/api/v1/users/token/', v1TokenRoute],
  ].map(
    ([path, route]): MatrixRow => ({
      name: path as string,
      route: route as MatrixRow['route'],
      method: 'POST',
      path: path as string,
      options: async () => ({
        token: null,
        body: { username: (await makeUser([['hdts', 'Employee']])).username, password: PASSWORD },
      }),
      expect: PUBLIC,
    }),
  ),
  ...[
    ['/auth/token/refresh/', refreshRoute],
    ['/auth/api/v1/users/token/refresh/', v1RefreshRoute],
  ].map(
    ([path, route]): MatrixRow => ({
      name: path as string,
      route: route as MatrixRow['route'],
      method: 'POST',
      path: path as string,
      options: async () => ({ token: null, body: { refresh: (await freshLogin()).refresh } }),
      expect: PUBLIC,
    }),
  ),
  {
    name: '/auth/logout/ (with a refresh token)',
    route: logoutRoute,
    method: 'POST',
    path: '/auth/logout/',
    // The refresh token is the authorization; a caller's access token must belong to the same user.
    options: async (role) => {
      const t = await freshLogin();
      return { token: role === 'anonymous' ? null : t.access, body: { refresh: t.refresh } };
    },
    expect: PUBLIC,
  },
  {
    name: '/auth/logout/ (no refresh token: needs a signed-in caller)',
    route: logoutRoute,
    method: 'POST',
    path: '/auth/logout/',
    options: async (role) => ({ token: (await standIn(role)).token, body: {} }),
    expect: SIGNED_IN,
  },
  { name: '/auth/health/', route: healthRoute, method: 'GET', path: '/auth/health/', expect: PUBLIC },
  { name: '/auth/no-such-route/', route: notFoundRoute, method: 'GET', path: '/auth/no-such-route/', expect: { otherwise: 404 } },

  // Users: admins only.
  { name: '/auth/api/v1/users/', route: usersRoute, method: 'GET', path: '/auth/api/v1/users/', expect: ADMIN_ONLY },
  {
    name: '/auth/api/v1/users/',
    route: usersRoute,
    method: 'POST',
    path: '/auth/api/v1/users/',
    options: () => ({ body: newUserBody() }),
    expect: { ...ADMIN_ONLY, admin: 201 },
  },
  {
    name: '/auth/api/v1/users/{id}/',
    route: userRoute,
    method: 'GET',
    path: '/auth/api/v1/users/{id}/',
    options: async () => ({ params: { id: (await makeUser()).id } }),
    expect: ADMIN_ONLY,
  },
  ...(['PUT', 'PATCH'] as const).map(
    (method): MatrixRow => ({
      name: '/auth/api/v1/users/{id}/',
      route: userRoute,
      method,
      path: '/auth/api/v1/users/{id}/',
      options: async () => ({ params: { id: (await makeUser()).id }, body: { first_name: 'Changed' } }),
      expect: ADMIN_ONLY,
    }),
  ),
  {
    name: '/auth/api/v1/users/{id}/',
    route: userRoute,
    method: 'DELETE',
    path: '/auth/api/v1/users/{id}/',
    options: async () => ({ params: { id: (await makeUser()).id } }),
    expect: { ...ADMIN_ONLY, admin: 204 },
  },
  {
    name: '/auth/api/v1/users/{id}/roles/?system=tts',
    route: userSystemRolesRoute,
    method: 'PUT',
    path: '/auth/api/v1/users/{id}/roles/',
    options: async () => ({
      params: { id: (await makeUser()).id },
      query: { system: 'tts' },
      body: { role_ids: [await roleId('tts', 'Support Agent')] },
    }),
    expect: ADMIN_ONLY,
  },
  {
    name: '/auth/api/v1/user-roles/',
    route: userRolesRoute,
    method: 'POST',
    path: '/auth/api/v1/user-roles/',
    options: async () => ({ body: { user_id: (await makeUser()).id, role_id: await roleId('tts', 'Admin') } }),
    expect: { ...ADMIN_ONLY, admin: 201 },
  },
  {
    name: '/auth/api/v1/user-roles/{id}/',
    route: userRoleRoute,
    method: 'DELETE',
    path: '/auth/api/v1/user-roles/{id}/',
    options: async () => {
      const user = await makeUser([['hdts', 'Employee']]);
      return { params: { id: (await db.userRole.findFirstOrThrow({ where: { userId: user.id } })).id } };
    },
    expect: { ...ADMIN_ONLY, admin: 204 },
  },

  // Directory reads: staff (admins, coordinators, agents).
  { name: '/auth/api/v1/roles/', route: rolesRoute, method: 'GET', path: '/auth/api/v1/roles/', expect: STAFF },
  { name: '/auth/api/v1/tts/roles/', route: ttsRolesRoute, method: 'GET', path: '/auth/api/v1/tts/roles/', expect: STAFF },
  {
    name: '/auth/api/v1/tts/roles/{role_id}/users/',
    route: ttsRoleUsersRoute,
    method: 'GET',
    path: '/auth/api/v1/tts/roles/{role_id}/users/',
    options: async () => ({ params: { role_id: await roleId('tts', 'Support Agent') } }),
    expect: STAFF,
  },

  // Self-service: any signed-in user, acting on themselves (a stand-in, so demo users stay as seeded).
  {
    name: '/auth/api/v1/users/profile/',
    route: profileRoute,
    method: 'GET',
    path: '/auth/api/v1/users/profile/',
    expect: SIGNED_IN,
  },
  ...(['PUT', 'PATCH'] as const).map(
    (method): MatrixRow => ({
      name: '/auth/api/v1/users/profile/',
      route: profileRoute,
      method,
      path: '/auth/api/v1/users/profile/',
      options: async (role) => ({ token: (await standIn(role)).token, body: { first_name: 'Self' } }),
      expect: SIGNED_IN,
    }),
  ),
  {
    name: '/auth/api/v1/users/change-password/',
    route: changePasswordRoute,
    method: 'POST',
    path: '/auth/api/v1/users/change-password/',
    options: async (role) => ({
      token: (await standIn(role)).token,
      body: { old_password: PASSWORD, new_password: 'Changed-pass-2026' },
    }),
    expect: SIGNED_IN,
  },
];

/** A stand-in of the role with two-factor sign-in on: its token (signed in with a recovery code) and codes. */
async function enrolledStandIn(role: Parameters<typeof standIn>[0]) {
  const stand = await standIn(role);
  if (!stand.userId) return { token: null, codes: ['000000', '000000'] };
  const actor = (await loadActor(stand.userId))!;
  const { secret } = await beginTwoFactor(actor);
  const { recovery_codes } = await enableTwoFactor(actor, { code: await generate({ secret }) });
  const user = await db.user.findUniqueOrThrow({ where: { id: stand.userId } });
  const { access } = await login({}, { username: user.username, password: PASSWORD, otp_code: recovery_codes[0] });
  return { token: access, codes: recovery_codes.slice(1) };
}

rows.push(
  {
    name: '/auth/api/v1/users/password-reset/',
    route: resetRoute,
    method: 'POST',
    path: '/auth/api/v1/users/password-reset/',
    options: async () => ({ token: null, body: { email: (await makeUser()).email } }),
    expect: PUBLIC,
  },
  {
    name: '/auth/api/v1/users/password-reset/confirm/',
    route: resetConfirmRoute,
    method: 'POST',
    path: '/auth/api/v1/users/password-reset/confirm/',
    // The link's token is the authorization.
    options: async () => {
      const user = await makeUser();
      const token = randomBytes(32).toString('base64url');
      await db.passwordResetToken.create({
        data: {
          userId: user.id,
          tokenHash: createHash('sha256').update(token).digest('hex'),
          expiresAt: new Date(Date.now() + 60_000),
        },
      });
      return { token: null, body: { token, new_password: 'Matrix-reset-2026' } };
    },
    expect: PUBLIC,
  },
  {
    name: '/auth/api/v1/users/two-factor/',
    route: twoFactorRoute,
    method: 'GET',
    path: '/auth/api/v1/users/two-factor/',
    expect: SIGNED_IN,
  },
  {
    name: '/auth/api/v1/users/two-factor/setup/',
    route: twoFactorSetupRoute,
    method: 'POST',
    path: '/auth/api/v1/users/two-factor/setup/',
    options: async (role) => ({ token: (await standIn(role)).token }),
    expect: SIGNED_IN,
  },
  {
    name: '/auth/api/v1/users/two-factor/enable/',
    route: twoFactorEnableRoute,
    method: 'POST',
    path: '/auth/api/v1/users/two-factor/enable/',
    options: async (role) => {
      const stand = await standIn(role);
      if (!stand.userId) return { token: null, body: { code: '000000' } };
      const { secret } = await beginTwoFactor((await loadActor(stand.userId))!);
      return { token: stand.token, body: { code: await generate({ secret }) } };
    },
    expect: SIGNED_IN,
  },
  {
    name: '/auth/api/v1/users/two-factor/recovery-codes/',
    route: recoveryCodesRoute,
    method: 'POST',
    path: '/auth/api/v1/users/two-factor/recovery-codes/',
    options: async (role) => {
      const { token, codes } = await enrolledStandIn(role);
      return { token, body: { code: codes[0] } };
    },
    expect: SIGNED_IN,
  },
  {
    name: '/auth/api/v1/users/two-factor/disable/',
    route: twoFactorDisableRoute,
    method: 'POST',
    path: '/auth/api/v1/users/two-factor/disable/',
    options: async (role) => {
      const { token, codes } = await enrolledStandIn(role);
      return { token, body: { password: PASSWORD, code: codes[0] } };
    },
    expect: SIGNED_IN,
  },
);

describe('authorization matrix: auth service', () => {
  runMatrix(rows);
});
