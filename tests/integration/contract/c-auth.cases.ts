/**
 * Contract cases of identity (/auth/), the job-queue operations (/ops/) and the application's health (/health).
 * Accounts that a case changes (passwords, two-factor, profile, roles) are throwaway users (makeUser), so the demo
 * accounts other tests sign in with stay as they are; token calls come from distinct client addresses (call()).
 */
import { createHash, randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { z } from 'zod';
import * as rolesRoute from '@/app/(api)/auth/api/v1/roles/route';
import * as ttsRoleUsersRoute from '@/app/(api)/auth/api/v1/tts/roles/[role_id]/users/route';
import * as ttsRolesRoute from '@/app/(api)/auth/api/v1/tts/roles/route';
import * as userRoleRoute from '@/app/(api)/auth/api/v1/user-roles/[id]/route';
import * as userRolesRoute from '@/app/(api)/auth/api/v1/user-roles/route';
import * as userRolesSetRoute from '@/app/(api)/auth/api/v1/users/[id]/roles/route';
import * as userRoute from '@/app/(api)/auth/api/v1/users/[id]/route';
import * as changePasswordRoute from '@/app/(api)/auth/api/v1/users/change-password/route';
import * as resetConfirmRoute from '@/app/(api)/auth/api/v1/users/password-reset/confirm/route';
import * as resetRoute from '@/app/(api)/auth/api/v1/users/password-reset/route';
import * as profileRoute from '@/app/(api)/auth/api/v1/users/profile/route';
import * as usersRoute from '@/app/(api)/auth/api/v1/users/route';
import * as v1RefreshRoute from '@/app/(api)/auth/api/v1/users/token/refresh/route';
import * as v1TokenRoute from '@/app/(api)/auth/api/v1/users/token/route';
import * as disableRoute from '@/app/(api)/auth/api/v1/users/two-factor/disable/route';
import * as enableRoute from '@/app/(api)/auth/api/v1/users/two-factor/enable/route';
import * as recoveryRoute from '@/app/(api)/auth/api/v1/users/two-factor/recovery-codes/route';
import * as twoFactorRoute from '@/app/(api)/auth/api/v1/users/two-factor/route';
import * as setupRoute from '@/app/(api)/auth/api/v1/users/two-factor/setup/route';
import * as authHealthRoute from '@/app/(api)/auth/health/route';
import * as logoutRoute from '@/app/(api)/auth/logout/route';
import * as refreshRoute from '@/app/(api)/auth/token/refresh/route';
import * as tokenRoute from '@/app/(api)/auth/token/route';
import * as healthRoute from '@/app/(api)/health/route';
import * as replayRoute from '@/app/(api)/ops/api/queues/dead-letters/[id]/replay/route';
import * as deadLetterRoute from '@/app/(api)/ops/api/queues/dead-letters/[id]/route';
import * as replayAllRoute from '@/app/(api)/ops/api/queues/dead-letters/replay-all/route';
import * as deadLettersRoute from '@/app/(api)/ops/api/queues/dead-letters/route';
import * as failedRoute from '@/app/(api)/ops/api/queues/failed/route';
import * as queuesRoute from '@/app/(api)/ops/api/queues/route';
import * as opsHealthRoute from '@/app/(api)/ops/health/route';
import { login } from '@/lib/domain/identity/commands';
import { defineJob } from '@/lib/domain/jobs';
import { db } from '@/lib/server/db';
import { DEAD_LETTER_QUEUE, type DeadLetter, jobsState } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { type CallOptions, call, makeUser, PASSWORD, tokenFor } from '../../helpers/api';
import type { ContractCase } from '../../helpers/contract';

/** This suite's own queue: its dead letters are replayed here and nowhere else (no worker takes them). */
const contractOpsJob = defineJob({
  name: 'contract.ops',
  schema: z.object({ key: z.string() }),
  retry: { limit: 0, delaySeconds: 1, backoff: false },
  handler: async () => {},
});

let ready: Promise<void> | undefined;
/** Started once, on the first case (importing the cases for the coverage test starts nothing). */
export const fixture = () => (ready ??= build());

async function build() {
  await startJobs({ workers: false, jobs: [contractOpsJob] });
  await sendDeadLetter();
  // a job out of retries: sent with none, then failed
  const boss = jobsState()!.boss;
  const id = await boss.send(contractOpsJob.name, { key: randomUUID() }, { retryLimit: 0 });
  await boss.fail(contractOpsJob.name, id!, { message: 'Contract: gave up' });
}

/** A dead letter of this suite's queue; its id. */
async function deadLetter(): Promise<string> {
  await fixture();
  return sendDeadLetter();
}
async function sendDeadLetter(): Promise<string> {
  const letter: DeadLetter = {
    queue: contractOpsJob.name,
    job_id: randomUUID(),
    data: { key: randomUUID() },
    code: 'CONTRACT',
    error: 'Contract: could not deliver',
    attempts: 1,
  };
  const id = await jobsState()!.boss.send(DEAD_LETTER_QUEUE, letter);
  return id!;
}

const admin = () => tokenFor('admin');
const meta = () => ({ ip: '127.0.0.1', userAgent: 'vitest contract' });
/** A throwaway employee and a fresh token pair of theirs. */
async function signedIn() {
  const user = await makeUser([['hdts', 'Employee']]);
  const { access, refresh } = await login(meta(), { username: user.username, password: PASSWORD });
  return { user, access, refresh };
}
/** A throwaway employee with two-factor sign-in on: a token of a sign-in with a recovery code, and the codes left. */
async function enrolled() {
  const { user, access } = await signedIn();
  const setup = await call(setupRoute, 'POST', '/auth/api/v1/users/two-factor/setup/', { token: access });
  const enable = await call(enableRoute, 'POST', '/auth/api/v1/users/two-factor/enable/', {
    token: access,
    body: { code: await generate({ secret: setup.body.secret }) },
  });
  const recovery = enable.body.recovery_codes as string[];
  const again = await login(meta(), { username: user.username, password: PASSWORD, otp_code: recovery[0] });
  return { user, access: again.access, recovery: recovery.slice(1) };
}
const role = (system: 'hdts' | 'tts', name: string) => db.role.findUniqueOrThrow({ where: { system_name: { system, name } } });

const credentials = async (): Promise<CallOptions> => {
  const user = await makeUser([['hdts', 'Employee']]);
  return { body: { username: user.username, password: PASSWORD } };
};
const refreshBody = async (): Promise<CallOptions> => ({ body: { refresh: (await signedIn()).refresh } });
const userBody = () => {
  const suffix = randomUUID().slice(0, 8);
  return {
    username: `contract_${suffix}`,
    email: `contract_${suffix}@example.test`,
    first_name: 'Contract',
    last_name: suffix,
    password: 'Contract-pass-2026',
  };
};
const healthCases = (
  [
    ['/health/', healthRoute],
    ['/auth/health/', authHealthRoute],
    ['/ops/health/', opsHealthRoute],
  ] as const
).map(
  ([path, route]): ContractCase => ({
    path,
    method: 'GET',
    route,
    valid: async () => ({}),
    // a public route still refuses a token that is not valid (the client sent a stale or forged one)
    invalid: async () => ({ token: 'not-a-token' }),
    invalidStatus: 401,
  }),
);

export const cases: ContractCase[] = [
  ...healthCases,
  // tokens
  ...(
    [
      ['/auth/token/', tokenRoute],
      ['/auth/api/v1/users/token/', v1TokenRoute],
    ] as const
  ).map(
    ([path, route]): ContractCase => ({
      path,
      method: 'POST',
      route,
      valid: credentials,
      invalid: async () => ({ body: { password: PASSWORD } }),
    }),
  ),
  ...(
    [
      ['/auth/token/refresh/', refreshRoute],
      ['/auth/api/v1/users/token/refresh/', v1RefreshRoute],
    ] as const
  ).map(
    ([path, route]): ContractCase => ({
      path,
      method: 'POST',
      route,
      valid: refreshBody,
      // neither a body field nor the refresh cookie
      invalid: async () => ({ body: {} }),
    }),
  ),
  {
    path: '/auth/logout/',
    method: 'POST',
    route: logoutRoute,
    valid: refreshBody,
    invalid: async () => ({ body: { refresh: '' } }),
  },
  // password
  {
    path: '/auth/api/v1/users/password-reset/',
    method: 'POST',
    route: resetRoute,
    // the same answer for every address; an unknown one sends no mail
    valid: async () => ({ body: { email: `nobody-${randomUUID().slice(0, 8)}@example.test` } }),
    invalid: async () => ({ body: { email: 'not-an-address' } }),
  },
  {
    path: '/auth/api/v1/users/password-reset/confirm/',
    method: 'POST',
    route: resetConfirmRoute,
    valid: async () => {
      // the link the reset e-mail carries (the job stores only its digest)
      const user = await makeUser([['hdts', 'Employee']]);
      const token = randomUUID() + randomUUID();
      await db.passwordResetToken.create({
        data: {
          tokenHash: createHash('sha256').update(token).digest('hex'),
          userId: user.id,
          expiresAt: new Date(Date.now() + 600_000),
        },
      });
      return { body: { token, new_password: 'Reset-pass-2026' } };
    },
    invalid: async () => ({ body: { token: 'x'.repeat(43), new_password: 'short' } }),
  },
  {
    path: '/auth/api/v1/users/change-password/',
    method: 'POST',
    route: changePasswordRoute,
    valid: async () => ({
      token: (await signedIn()).access,
      body: { old_password: PASSWORD, new_password: 'Changed-pass-2026' },
    }),
    invalid: async () => ({ token: (await signedIn()).access, body: { old_password: PASSWORD, new_password: 'short' } }),
  },
  // profile
  {
    path: '/auth/api/v1/users/profile/',
    method: 'GET',
    route: profileRoute,
    valid: async () => ({ token: await tokenFor('employee1') }),
  },
  ...(['PUT', 'PATCH'] as const).map(
    (method): ContractCase => ({
      path: '/auth/api/v1/users/profile/',
      method,
      route: profileRoute,
      valid: async () => ({
        token: (await signedIn()).access,
        body: {
          first_name: 'Changed',
          phone_number: null,
          time_zone: 'Europe/Berlin',
          email_preferences: { sla_warning: false },
        },
      }),
      invalid: async () => ({ token: (await signedIn()).access, body: { time_zone: 'Nowhere/Else' } }),
    }),
  ),
  // two-factor sign-in
  {
    path: '/auth/api/v1/users/two-factor/',
    method: 'GET',
    route: twoFactorRoute,
    valid: async () => ({ token: await tokenFor('employee1') }),
  },
  {
    path: '/auth/api/v1/users/two-factor/setup/',
    method: 'POST',
    route: setupRoute,
    valid: async () => ({ token: (await signedIn()).access }),
    invalid: async () => ({ token: (await enrolled()).access }),
    invalidStatus: 409,
  },
  {
    path: '/auth/api/v1/users/two-factor/enable/',
    method: 'POST',
    route: enableRoute,
    valid: async () => {
      const { access } = await signedIn();
      const setup = await call(setupRoute, 'POST', '/auth/api/v1/users/two-factor/setup/', { token: access });
      return { token: access, body: { code: await generate({ secret: setup.body.secret }) } };
    },
    invalid: async () => ({ token: (await signedIn()).access, body: { code: '12' } }),
  },
  {
    path: '/auth/api/v1/users/two-factor/disable/',
    method: 'POST',
    route: disableRoute,
    valid: async () => {
      const { access, recovery } = await enrolled();
      return { token: access, body: { password: PASSWORD, code: recovery[0] } };
    },
    invalid: async () => ({ token: (await enrolled()).access, body: { password: PASSWORD, code: '1' } }),
  },
  {
    path: '/auth/api/v1/users/two-factor/recovery-codes/',
    method: 'POST',
    route: recoveryRoute,
    valid: async () => {
      const { access, recovery } = await enrolled();
      return { token: access, body: { code: recovery[0] } };
    },
    invalid: async () => ({ token: (await enrolled()).access, body: { code: '' } }),
  },
  // users (admins)
  {
    path: '/auth/api/v1/users/',
    method: 'GET',
    route: usersRoute,
    valid: async () => ({ token: await admin(), query: { page_size: 100 } }),
    invalid: async () => ({ token: await admin(), query: { is_active: 'maybe' } }),
  },
  {
    path: '/auth/api/v1/users/',
    method: 'POST',
    route: usersRoute,
    valid: async () => ({ token: await admin(), body: userBody() }),
    invalid: async () => ({ token: await admin(), body: { ...userBody(), password: 'short' } }),
  },
  {
    path: '/auth/api/v1/users/{id}/',
    method: 'GET',
    route: userRoute,
    valid: async () => ({ token: await admin(), params: { id: (await makeUser([['hdts', 'Employee']])).id } }),
    invalid: async () => ({ token: await admin(), params: { id: 'abc' } }),
  },
  ...(['PUT', 'PATCH'] as const).map(
    (method): ContractCase => ({
      path: '/auth/api/v1/users/{id}/',
      method,
      route: userRoute,
      valid: async () => ({
        token: await admin(),
        params: { id: (await makeUser([['hdts', 'Employee']])).id },
        body: { first_name: 'Renamed', phone_number: '+49 30 1234567' },
      }),
      invalid: async () => ({
        token: await admin(),
        params: { id: (await makeUser([['hdts', 'Employee']])).id },
        body: { email: 'not-an-address' },
      }),
    }),
  ),
  {
    path: '/auth/api/v1/users/{id}/',
    method: 'DELETE',
    route: userRoute,
    valid: async () => ({ token: await admin(), params: { id: (await makeUser([['hdts', 'Employee']])).id } }),
    invalid: async () => ({ token: await admin(), params: { id: 'abc' } }),
  },
  {
    path: '/auth/api/v1/users/{id}/roles/',
    method: 'PUT',
    route: userRolesSetRoute,
    valid: async () => ({
      token: await admin(),
      params: { id: (await makeUser([['hdts', 'Employee']])).id },
      query: { system: 'hdts' },
      body: { role_ids: [(await role('hdts', 'Employee')).id, (await role('hdts', 'Ticket Coordinator')).id] },
    }),
    invalid: async () => ({
      token: await admin(),
      params: { id: (await makeUser([['hdts', 'Employee']])).id },
      query: { system: 'crm' },
      body: { role_ids: [] },
    }),
  },
  // roles
  {
    path: '/auth/api/v1/roles/',
    method: 'GET',
    route: rolesRoute,
    valid: async () => ({ token: await admin(), query: { page_size: 100 } }),
    invalid: async () => ({ token: await admin(), query: { system: 'crm' } }),
  },
  {
    path: '/auth/api/v1/tts/roles/',
    method: 'GET',
    route: ttsRolesRoute,
    valid: async () => ({ token: await admin(), query: { page_size: 100 } }),
    invalid: async () => ({ token: await admin(), query: { page_size: 1000 } }),
  },
  {
    path: '/auth/api/v1/tts/roles/{role_id}/users/',
    method: 'GET',
    route: ttsRoleUsersRoute,
    valid: async () => {
      const member = await db.userRole.findFirstOrThrow({ where: { role: { system: 'tts' }, user: { isActive: true } } });
      return { token: await admin(), params: { role_id: member.roleId } };
    },
    invalid: async () => ({ token: await admin(), params: { role_id: (await role('hdts', 'Employee')).id } }),
    invalidStatus: 404,
  },
  {
    path: '/auth/api/v1/user-roles/',
    method: 'POST',
    route: userRolesRoute,
    valid: async () => ({
      token: await admin(),
      body: { user_id: (await makeUser([['hdts', 'Employee']])).id, role_id: (await role('hdts', 'Ticket Coordinator')).id },
    }),
    invalid: async () => ({ token: await admin(), body: { user_id: 'someone', role_id: (await role('hdts', 'Employee')).id } }),
  },
  {
    path: '/auth/api/v1/user-roles/{id}/',
    method: 'DELETE',
    route: userRoleRoute,
    valid: async () => {
      const user = await makeUser([['hdts', 'Employee']]);
      return { token: await admin(), params: { id: (await db.userRole.findFirstOrThrow({ where: { userId: user.id } })).id } };
    },
    invalid: async () => ({ token: await admin(), params: { id: 'abc' } }),
  },
  // job-queue operations (admins)
  {
    path: '/ops/api/queues/',
    method: 'GET',
    route: queuesRoute,
    valid: async () => {
      await fixture();
      return { token: await admin() };
    },
  },
  {
    path: '/ops/api/queues/dead-letters/',
    method: 'GET',
    route: deadLettersRoute,
    valid: async () => {
      await fixture();
      return { token: await admin(), query: { page_size: 100 } };
    },
    invalid: async () => ({ token: await admin(), query: { page_size: 1000 } }),
  },
  {
    path: '/ops/api/queues/failed/',
    method: 'GET',
    route: failedRoute,
    valid: async () => {
      await fixture();
      return { token: await admin(), query: { queue: contractOpsJob.name, page_size: 100 } };
    },
    invalid: async () => ({ token: await admin(), query: { page: 0 } }),
  },
  {
    path: '/ops/api/queues/dead-letters/{id}/replay/',
    method: 'POST',
    route: replayRoute,
    valid: async () => ({ token: await admin(), params: { id: await deadLetter() } }),
    invalid: async () => ({ token: await admin(), params: { id: 'abc' } }),
  },
  {
    path: '/ops/api/queues/dead-letters/replay-all/',
    method: 'POST',
    route: replayAllRoute,
    valid: async () => {
      await deadLetter();
      return { token: await admin(), body: { queue: contractOpsJob.name } };
    },
    invalid: async () => ({ token: await admin(), body: { queue: 'x'.repeat(101) } }),
  },
  {
    path: '/ops/api/queues/dead-letters/{id}/',
    method: 'DELETE',
    route: deadLetterRoute,
    valid: async () => ({ token: await admin(), params: { id: await deadLetter() } }),
    invalid: async () => ({ token: await admin(), params: { id: 'abc' } }),
  },
];
