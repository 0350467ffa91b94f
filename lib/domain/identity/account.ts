/**
 * The account lifecycle a user runs themselves: password reset by e-mail and two-factor enrolment.
 *
 * Reset: asking answers the same whether or not the address has an account (and takes the same time: it only
 * enqueues a job). The job makes a random token, stores its SHA-256 digest with an expiry
 * (PASSWORD_RESET_TTL_SECONDS) and mails the link; a newer link replaces older ones. Using the link is a single
 * conditional UPDATE, so a token works once; the reset ends every session of the user.
 */
import { createHash, randomBytes } from 'node:crypto';
import { db, transaction } from '@/lib/server/db';
import { appBaseUrl, env } from '@/lib/server/env';
import { enqueue } from '@/lib/server/jobs/queue';
import { sendMail } from '@/lib/server/mail';
import { type Actor, SYSTEM_ACTOR } from '../actor';
import { writeAudit } from '../audit';
import { AppError, conflict, notFound, validationFailed } from '../errors';
import { checkSucceeded, failure, reserveCheck } from './lockout';
import { hashPassword, verifyPassword } from './password';
import { PASSWORD_RESET_MAIL } from './schemas';
import { revokeSessions } from './sessions';
import { acceptSecondFactor, enrolmentOf, issueRecoveryCodes, matchTotp, newSecret, openSecret, sealSecret } from './two-factor';

interface Meta {
  ip?: string | null;
  userAgent?: string | null;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export const RESET_REQUESTED =
  'If an account exists for that address, we have sent it a link to choose a new password. The link works once, for a limited time.';

/** POST .../password-reset/: the same answer for every address. */
export async function requestPasswordReset(meta: Meta, input: { email: string }) {
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, isActive: true } });
  if (user?.isActive) {
    await transaction(async (tx) => {
      await enqueue(tx, PASSWORD_RESET_MAIL, { user_id: user.id, requested_at: new Date().toISOString() });
      await writeAudit(
        tx,
        { ...SYSTEM_ACTOR, ...meta },
        {
          context: 'identity',
          action: 'password_reset_requested',
          entityType: 'user',
          entityId: user.id,
        },
      );
    });
  }
  return { message: RESET_REQUESTED };
}

/** The job: make the link and mail it. A retry makes a new link (the old one is replaced, never mailed twice). */
export async function sendPasswordResetMail(p: { user_id: number }) {
  const user = await db.user.findUnique({ where: { id: p.user_id } });
  if (!user?.isActive) return;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + env.PASSWORD_RESET_TTL_SECONDS * 1000);
  await db.$transaction([
    db.passwordResetToken.deleteMany({ where: { userId: user.id, usedAt: null } }),
    db.passwordResetToken.create({ data: { tokenHash: digest(token), userId: user.id, expiresAt } }),
  ]);
  const link = `${appBaseUrl()}/reset-password?token=${encodeURIComponent(token)}`;
  const minutes = Math.round(env.PASSWORD_RESET_TTL_SECONDS / 60);
  const name = user.firstName || user.username;
  await sendMail({
    to: user.email,
    subject: 'Reset your Switchboard password',
    text: `Hello ${name},\n\nSomeone (hopefully you) asked to reset the password of your Switchboard account.\nChoose a new password here (the link works once, within ${minutes} minutes):\n\n${link}\n\nIf you did not ask for this, ignore this e-mail: your password stays as it is.\n`,
    html: `<p>Hello ${escapeHtml(name)},</p><p>Someone (hopefully you) asked to reset the password of your Switchboard account.</p><p><a href="${escapeHtml(link)}">Choose a new password</a> (the link works once, within ${minutes} minutes).</p><p>If you did not ask for this, ignore this e-mail: your password stays as it is.</p>`,
  });
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const invalidLink = () =>
  new AppError(400, 'INVALID_RESET_TOKEN', 'This reset link is not valid any more. Ask for a new one.', {
    token: ['This link is invalid, expired or was already used'],
  });

/** POST .../password-reset/confirm/: set the new password with a valid link; every session of the user ends. */
export async function confirmPasswordReset(meta: Meta, input: { token: string; new_password: string }) {
  const passwordHash = await hashPassword(input.new_password);
  return transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ user_id: number }[]>`
      UPDATE identity.password_reset_tokens SET used_at = now()
      WHERE token_hash = ${digest(input.token)} AND used_at IS NULL AND expires_at > now()
      RETURNING user_id`;
    const userId = claimed[0]?.user_id;
    if (!userId) throw invalidLink();
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user?.isActive) throw invalidLink();
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, failedLoginCount: 0, lastFailedLoginAt: null, lockedUntil: null },
    });
    await tx.passwordResetToken.deleteMany({ where: { userId, usedAt: null } });
    await revokeSessions(tx, userId, 'password_reset');
    const who: Actor = { id: userId, username: user.username, email: user.email, name: user.username, roles: [], ...meta };
    await writeAudit(tx, who, {
      context: 'identity',
      action: 'password_reset',
      entityType: 'user',
      entityId: userId,
    });
    return { message: 'Your password was changed. Sign in with the new one.' };
  });
}

/** GET .../two-factor/: whether it is on, and whether my roles require it. */
export async function twoFactorStatus(actor: Actor) {
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { totpEnabledAt: true, recoveryCodes: { where: { usedAt: null }, select: { id: true } } },
  });
  if (!user) throw notFound('User');
  return {
    enabled: !!user.totpEnabledAt,
    enabled_at: user.totpEnabledAt?.toISOString() ?? null,
    required: !!actor.twoFactorRequired || (env.REQUIRE_2FA_FOR_ADMINS && actor.roles.some((r) => r.role === 'Admin')),
    recovery_codes_left: user.totpEnabledAt ? user.recoveryCodes.length : 0,
  };
}

/** POST .../two-factor/setup/: a new secret to scan (pending until a code confirms it). */
export async function beginTwoFactor(actor: Actor) {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { totpEnabledAt: true, email: true } });
  if (!user) throw notFound('User');
  if (user.totpEnabledAt) throw conflict('Two-factor sign-in is already on; turn it off first', 'TWO_FACTOR_ENABLED');
  const secret = newSecret();
  await db.user.update({ where: { id: actor.id }, data: { totpPendingSecret: sealSecret(secret) } });
  return enrolmentOf(secret, user.email);
}

/**
 * POST .../two-factor/enable/: the first code proves the app has the secret. Two-factor is then on, every other
 * session ends (they signed in with the password alone), and the recovery codes are shown once.
 */
export async function enableTwoFactor(actor: Actor, input: { code: string }) {
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user) throw notFound('User');
  if (user.totpEnabledAt) throw conflict('Two-factor sign-in is already on', 'TWO_FACTOR_ENABLED');
  const secret = user.totpPendingSecret ? openSecret(user.totpPendingSecret) : null;
  if (!secret) throw conflict('Start the set-up first', 'TWO_FACTOR_NOT_STARTED');
  const reservation = await reserveCheck(user.id);
  const step = await matchTotp(secret, input.code.replace(/\s/g, ''), null);
  if (step === null) throw failure(reservation, validationFailed({ code: ['That code is not right; try the newest one'] }));
  await checkSucceeded(user.id);
  return transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: {
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabledAt: new Date(),
        totpLastStep: BigInt(step),
      },
    });
    const codes = await issueRecoveryCodes(tx, user.id);
    const tokenVersion = await revokeSessions(tx, user.id, 'two_factor_changed');
    await writeAudit(tx, actor, { context: 'identity', action: 'two_factor_enabled', entityType: 'user', entityId: user.id });
    return { enabled: true, recovery_codes: codes, tokenVersion };
  });
}

/** Check my password and a current code (or recovery code), under the lockout. */
async function confirmIdentity(actor: Actor, input: { password?: string; code: string }) {
  const user = await db.user.findUnique({ where: { id: actor.id } });
  if (!user) throw notFound('User');
  if (!user.totpEnabledAt) throw conflict('Two-factor sign-in is not on', 'TWO_FACTOR_DISABLED');
  const reservation = await reserveCheck(user.id);
  if (input.password !== undefined && !(await verifyPassword(input.password, user.passwordHash)))
    throw failure(reservation, validationFailed({ password: ['Password is incorrect'] }));
  if (!(await acceptSecondFactor(user, input.code)))
    throw failure(reservation, validationFailed({ code: ['That code is wrong or was already used'] }));
  await checkSucceeded(user.id);
  return user;
}

/** POST .../two-factor/disable/: password and a code; every session ends. Refused while my roles require it. */
export async function disableTwoFactor(actor: Actor, input: { password: string; code: string }) {
  if (env.REQUIRE_2FA_FOR_ADMINS && actor.roles.some((r) => r.role === 'Admin'))
    throw new AppError(403, 'TWO_FACTOR_REQUIRED', 'Administrators must keep two-factor sign-in on');
  const user = await confirmIdentity(actor, input);
  return transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    const tokenVersion = await revokeSessions(tx, user.id, 'two_factor_changed');
    await writeAudit(tx, actor, { context: 'identity', action: 'two_factor_disabled', entityType: 'user', entityId: user.id });
    return { enabled: false, tokenVersion };
  });
}

/** POST .../two-factor/recovery-codes/: a current code; new recovery codes replace the old ones. */
export async function regenerateRecoveryCodes(actor: Actor, input: { code: string }) {
  const user = await confirmIdentity(actor, { code: input.code });
  return transaction(async (tx) => {
    const codes = await issueRecoveryCodes(tx, user.id);
    await writeAudit(tx, actor, { context: 'identity', action: 'recovery_codes_issued', entityType: 'user', entityId: user.id });
    return { recovery_codes: codes };
  });
}
