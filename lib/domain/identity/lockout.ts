/**
 * One failure counter per account, whatever name or secret was tried (e-mail or username; password, old
 * password, two-factor or recovery code). A check is *reserved* atomically before the secret is looked at:
 * the UPDATE that counts it refuses when the account is locked, and the reservation that reaches
 * LOGIN_MAX_FAILURES locks it. So of any number of parallel attempts at most LOGIN_MAX_FAILURES are ever
 * checked; a success clears the counter. Failures older than LOGIN_LOCK_SECONDS are forgotten.
 */
import { db } from '@/lib/server/db';
import { env } from '@/lib/server/env';
import { AppError } from '../errors';

export function lockedError(unlockAt: Date | null) {
  const seconds = unlockAt ? Math.max(1, Math.ceil((unlockAt.getTime() - Date.now()) / 1000)) : env.LOGIN_LOCK_SECONDS;
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new AppError(
    403,
    'ACCOUNT_LOCKED',
    `Account temporarily locked after too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    { retry_after_seconds: minutes * 60 },
  );
}

export interface Reservation {
  /** This check is the one that reached the limit: if it fails too, the account is now locked. */
  last: boolean;
}

/** Reserve one check of a secret for this account, or throw ACCOUNT_LOCKED. */
export async function reserveCheck(userId: number): Promise<Reservation> {
  const max = env.LOGIN_MAX_FAILURES;
  const lock = env.LOGIN_LOCK_SECONDS;
  // Every value is computed from the row as locked by this UPDATE (never from an earlier read), so parallel
  // reservations queue on the row lock and each sees the count the previous one left.
  const rows = await db.$queryRaw<{ failed_login_count: number }[]>`
    UPDATE identity.users SET
      failed_login_count = CASE
        WHEN locked_until IS NOT NULL OR last_failed_login_at IS NULL
             OR last_failed_login_at < now() - make_interval(secs => ${lock}) THEN 1
        ELSE failed_login_count + 1 END,
      last_failed_login_at = now(),
      locked_until = CASE
        WHEN (CASE WHEN locked_until IS NOT NULL OR last_failed_login_at IS NULL
                        OR last_failed_login_at < now() - make_interval(secs => ${lock}) THEN 1
                   ELSE failed_login_count + 1 END) >= ${max}
        THEN now() + make_interval(secs => ${lock}) ELSE NULL END
    WHERE id = ${userId} AND (locked_until IS NULL OR locked_until <= now())
    RETURNING failed_login_count`;
  if (!rows.length) {
    const user = await db.user.findUnique({ where: { id: userId }, select: { lockedUntil: true } });
    throw lockedError(user?.lockedUntil ?? null);
  }
  return { last: rows[0].failed_login_count >= max };
}

/** The reserved check succeeded: the account starts afresh. */
export async function checkSucceeded(userId: number, extra: { lastLogin?: Date } = {}): Promise<void> {
  await db.user.update({
    where: { id: userId },
    data: { failedLoginCount: 0, lastFailedLoginAt: null, lockedUntil: null, ...extra },
  });
}

/** The reserved check was neither a success nor a failure (right password, second factor still to come). */
export async function releaseCheck(userId: number): Promise<void> {
  await db.$executeRaw`
    UPDATE identity.users SET failed_login_count = GREATEST(failed_login_count - 1, 0),
      locked_until = CASE WHEN failed_login_count - 1 < ${env.LOGIN_MAX_FAILURES} THEN NULL ELSE locked_until END
    WHERE id = ${userId}`;
}

/** The reserved check failed: ACCOUNT_LOCKED when it was the last one allowed, else `otherwise`. */
export function failure(reservation: Reservation, otherwise: AppError): AppError {
  return reservation.last ? lockedError(null) : otherwise;
}

/**
 * Names that belong to no account get the same answers: failures are counted per name in the login attempts
 * (no account to protect, so no need for the atomic counter), and after LOGIN_MAX_FAILURES it says "locked".
 */
export async function unknownNameLocked(login: string): Promise<boolean> {
  const since = new Date(Date.now() - env.LOGIN_LOCK_SECONDS * 1000);
  const failures = await db.loginAttempt.count({
    where: { login, success: false, userId: null, at: { gt: since } },
  });
  return failures >= env.LOGIN_MAX_FAILURES;
}
