/**
 * Password reset by e-mail (a real local SMTP server, the real job) and two-factor sign-in (TOTP + recovery codes).
 */
import type { AddressInfo } from 'node:net';
import { generate } from 'otplib';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as confirmRoute from '@/app/(api)/auth/api/v1/users/password-reset/confirm/route';
import * as resetRoute from '@/app/(api)/auth/api/v1/users/password-reset/route';
import * as profileRoute from '@/app/(api)/auth/api/v1/users/profile/route';
import * as disableRoute from '@/app/(api)/auth/api/v1/users/two-factor/disable/route';
import * as enableRoute from '@/app/(api)/auth/api/v1/users/two-factor/enable/route';
import * as recoveryRoute from '@/app/(api)/auth/api/v1/users/two-factor/recovery-codes/route';
import * as twoFactorRoute from '@/app/(api)/auth/api/v1/users/two-factor/route';
import * as setupRoute from '@/app/(api)/auth/api/v1/users/two-factor/setup/route';
import * as tokenRoute from '@/app/(api)/auth/token/route';
import { IDENTITY_JOBS } from '@/lib/domain/identity/jobs';
import { db } from '@/lib/server/db';
import { env } from '@/lib/server/env';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, makeUser, PASSWORD, snapshot } from '../helpers/api';

const inbox: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  process.env.SMTP_HOST = '127.0.0.1';
  process.env.SMTP_PORT = String((smtp.server.address() as AddressInfo).port);
  await startJobs({ workers: true, jobs: IDENTITY_JOBS });
});

afterAll(async () => {
  await stopJobs();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const signIn = (username: string, password = PASSWORD, otp_code?: string) =>
  call(tokenRoute, 'POST', '/auth/token/', { body: { username, password, ...(otp_code ? { otp_code } : {}) } });

/** The reset link's token from the newest e-mail to `address` (quoted-printable soft breaks undone). */
async function resetTokenFor(address: string, after = 0): Promise<string> {
  await expect.poll(() => inbox.filter((m) => m.to.includes(address)).length, { timeout: 20_000 }).toBeGreaterThan(after);
  const mail = inbox.filter((m) => m.to.includes(address)).at(-1)!;
  const text = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
  expect(token, text).toBeTruthy();
  return token!;
}

describe('password reset by e-mail', () => {
  it('answers the same for known and unknown addresses; only the known one gets a mail', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const known = await call(resetRoute, 'POST', '/', { body: { email: user.email } });
    const unknown = await call(resetRoute, 'POST', '/', { body: { email: 'nobody-here@example.test' } });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(known.body).toEqual(unknown.body);
    await resetTokenFor(user.email);
    expect(inbox.some((m) => m.to.includes('nobody-here@example.test'))).toBe(false);
  });

  it('the link sets a new password once, ends every session, and follows the password policy', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const before = await signIn(user.username);
    expect(before.status).toBe(200);
    const sent = inbox.length;
    await call(resetRoute, 'POST', '/', { body: { email: user.email } });
    const token = await resetTokenFor(user.email, inbox.filter((m) => m.to.includes(user.email)).length);
    expect(inbox.length).toBeGreaterThan(sent);
    expect(await db.passwordResetToken.count({ where: { userId: user.id, tokenHash: token } })).toBe(0); // only a digest

    const snap = await snapshot();
    const weak = await call(confirmRoute, 'POST', '/', { body: { token, new_password: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.details.new_password).toBeTruthy();
    expect(await snapshot()).toEqual(snap);

    const ok = await call(confirmRoute, 'POST', '/', { body: { token, new_password: 'Reset-pass-2026' } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await call(profileRoute, 'GET', '/', { token: before.body.access })).status).toBe(401);
    expect((await signIn(user.username)).status).toBe(401);
    expect((await signIn(user.username, 'Reset-pass-2026')).status).toBe(200);

    const again = await call(confirmRoute, 'POST', '/', { body: { token, new_password: 'Another-pass-2026' } });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('INVALID_RESET_TOKEN');
  });

  it('an expired or unknown link is refused and changes nothing', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    await call(resetRoute, 'POST', '/', { body: { email: user.email } });
    const token = await resetTokenFor(user.email);
    await db.passwordResetToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const snap = await snapshot();
    const expired = await call(confirmRoute, 'POST', '/', { body: { token, new_password: 'Reset-pass-2026' } });
    expect(expired.status).toBe(400);
    const unknown = await call(confirmRoute, 'POST', '/', {
      body: { token: 'x'.repeat(43), new_password: 'Reset-pass-2026' },
    });
    expect(unknown.status).toBe(400);
    expect(await snapshot()).toEqual(snap);
  });

  it('is rate limited per address', async () => {
    const user = await makeUser([['hdts', 'Employee']]);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(resetRoute, 'POST', '/', { body: { email: user.email } })).status);
    const [points] = env.RATE_LIMIT_PASSWORD_RESET.split('/').map(Number);
    expect(statuses.slice(0, points).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(points)).toContain(429);
  });
});

describe('two-factor sign-in (TOTP)', () => {
  async function enrolled() {
    const user = await makeUser([['hdts', 'Employee']]);
    const { access } = (await signIn(user.username)).body;
    const setup = await call(setupRoute, 'POST', '/', { token: access });
    expect(setup.status).toBe(200);
    expect(setup.body.otpauth_url).toMatch(/^otpauth:\/\/totp\/Switchboard:/);
    expect(setup.body.qr_code).toMatch(/^data:image\/png;base64,/);
    const secret = setup.body.secret as string;
    const wrong = await call(enableRoute, 'POST', '/', { token: access, body: { code: '000000' } });
    expect(wrong.status).toBe(400);
    const enable = await call(enableRoute, 'POST', '/', { token: access, body: { code: await generate({ secret }) } });
    expect(enable.status, JSON.stringify(enable.body)).toBe(200);
    expect(enable.body.recovery_codes).toHaveLength(10);
    // enrolling ended the sessions that signed in with the password alone
    expect((await call(profileRoute, 'GET', '/', { token: access })).status).toBe(401);
    return { user, secret, recovery: enable.body.recovery_codes as string[] };
  }

  it('enrol, then sign in with password + code; a code works once', async () => {
    const { user, secret } = await enrolled();
    const noCode = await signIn(user.username);
    expect(noCode.status).toBe(401);
    expect(noCode.body.code).toBe('OTP_REQUIRED');
    // the TOTP step used to enable is spent: wait for a fresh one (a state, not a duration)
    let code = await generate({ secret });
    const enabledStep = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpLastStep;
    await expect
      .poll(async () => BigInt(Math.floor(Date.now() / 30_000)) > (enabledStep ?? 0n), { timeout: 40_000, interval: 500 })
      .toBe(true);
    code = await generate({ secret });
    const ok = await signIn(user.username, PASSWORD, code);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const replay = await signIn(user.username, PASSWORD, code);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('INVALID_OTP');
    const status = await call(twoFactorRoute, 'GET', '/', { token: ok.body.access });
    expect(status.body).toMatchObject({ enabled: true, recovery_codes_left: 10 });
  }, 60_000);

  it('a recovery code signs in once; wrong codes count toward the lockout', async () => {
    const { user, recovery } = await enrolled();
    const ok = await signIn(user.username, PASSWORD, recovery[0]);
    expect(ok.status).toBe(200);
    expect((await signIn(user.username, PASSWORD, recovery[0])).status).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < env.LOGIN_MAX_FAILURES; i++) statuses.push((await signIn(user.username, PASSWORD, '123456')).status);
    expect(statuses.at(-1)).toBe(403);
    expect((await signIn(user.username, PASSWORD, recovery[1])).status).toBe(403);
  });

  it('turning it off needs the password and a code; new recovery codes replace the old', async () => {
    const { user, recovery } = await enrolled();
    const { access } = (await signIn(user.username, PASSWORD, recovery[0])).body;
    const fresh = await call(recoveryRoute, 'POST', '/', { token: access, body: { code: recovery[1] } });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recovery_codes).toHaveLength(10);
    expect((await signIn(user.username, PASSWORD, recovery[2])).status).toBe(401);
    const wrongPassword = await call(disableRoute, 'POST', '/', {
      token: access,
      body: { password: 'not-it-1234', code: fresh.body.recovery_codes[0] },
    });
    expect(wrongPassword.status).toBe(400);
    const off = await call(disableRoute, 'POST', '/', {
      token: access,
      body: { password: PASSWORD, code: fresh.body.recovery_codes[1] },
    });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect((await signIn(user.username)).status).toBe(200);
  });

  it('the secret is stored encrypted', async () => {
    const { user, secret } = await enrolled();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpSecret).toMatch(/^v1\./);
    expect(row.totpSecret).not.toContain(secret);
  });
});

describe('REQUIRE_2FA_FOR_ADMINS', () => {
  it('an admin without two-factor keeps no admin powers until they enrol', async () => {
    const usersRoute = await import('@/app/(api)/auth/api/v1/users/route');
    const mutable = env as { REQUIRE_2FA_FOR_ADMINS: boolean };
    mutable.REQUIRE_2FA_FOR_ADMINS = true;
    try {
      const admin = await makeUser([['hdts', 'Admin']]);
      const { access } = (await signIn(admin.username)).body;
      expect((await call(usersRoute, 'GET', '/', { token: access })).status).toBe(403);
      expect((await call(twoFactorRoute, 'GET', '/', { token: access })).body).toMatchObject({ enabled: false, required: true });
      const setup = await call(setupRoute, 'POST', '/', { token: access });
      const enable = await call(enableRoute, 'POST', '/', {
        token: access,
        body: { code: await generate({ secret: setup.body.secret }) },
      });
      expect(enable.status).toBe(200);
      const again = await signIn(admin.username, PASSWORD, enable.body.recovery_codes[0]);
      expect((await call(usersRoute, 'GET', '/', { token: again.body.access })).status).toBe(200);
      const off = await call(disableRoute, 'POST', '/', {
        token: again.body.access,
        body: { password: PASSWORD, code: enable.body.recovery_codes[1] },
      });
      expect(off.status).toBe(403);
    } finally {
      mutable.REQUIRE_2FA_FOR_ADMINS = false;
    }
  });
});
