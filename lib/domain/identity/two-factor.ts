/**
 * Two-factor sign-in with time-based one-time passwords (RFC 6238, otplib) and recovery codes.
 *
 * The shared secret is stored encrypted (AES-256-GCM, key derived from the app secret), so a copy of the
 * database alone cannot produce codes. A code is accepted once: the time step it matched is kept and codes of
 * that step or earlier are refused. Recovery codes are stored as SHA-256 digests and each works once.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { db, type Tx } from '@/lib/server/db';
import { jwtSecret } from '@/lib/server/env';

const ISSUER = 'Switchboard';
/** One step either side of now: phones whose clocks are up to 30 s off still work. */
const TOLERANCE_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;

function key(): Buffer {
  return Buffer.from(hkdfSync('sha256', jwtSecret(), Buffer.alloc(0), 'switchboard totp secret v1', 32));
}

export function sealSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function openSecret(sealed: string): string | null {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export function newSecret(): string {
  return generateSecret();
}

/** What an authenticator app needs: the otpauth:// URI and the same as a QR code image (data URL). */
export async function enrolmentOf(secret: string, label: string) {
  const uri = generateURI({ issuer: ISSUER, label, secret });
  return { secret, otpauth_url: uri, qr_code: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

const isTotpCode = (code: string) => /^\d{6}$/.test(code);
const normalizeRecovery = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();
const digest = (code: string) => createHash('sha256').update(normalizeRecovery(code)).digest('hex');

/** The time step a code matches (newer than `afterStep`), or null. */
export async function matchTotp(secret: string, code: string, afterStep: bigint | null): Promise<number | null> {
  if (!isTotpCode(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep !== null ? { afterTimeStep: Number(afterStep) } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/**
 * Accept a code of an enrolled user once: a TOTP code newer than the last one used (the step is claimed with a
 * conditional UPDATE, so two requests with the same code cannot both pass), or an unused recovery code.
 */
export async function acceptSecondFactor(
  user: { id: number; totpSecret: string | null; totpLastStep: bigint | null },
  code: string,
): Promise<'totp' | 'recovery' | null> {
  const trimmed = code.trim();
  const secret = user.totpSecret ? openSecret(user.totpSecret) : null;
  if (!secret) return null;
  const step = await matchTotp(secret, trimmed.replace(/\s/g, ''), user.totpLastStep);
  if (step !== null) {
    const claimed = await db.$executeRaw`
      UPDATE identity.users SET totp_last_step = ${step}
      WHERE id = ${user.id} AND (totp_last_step IS NULL OR totp_last_step < ${step})`;
    return claimed === 1 ? 'totp' : null;
  }
  if (isTotpCode(trimmed)) return null;
  const used = await db.recoveryCode.updateMany({
    where: { userId: user.id, codeHash: digest(trimmed), usedAt: null },
    data: { usedAt: new Date() },
  });
  return used.count === 1 ? 'recovery' : null;
}

/** Replace a user's recovery codes; returns the new codes (shown once, stored only as digests). */
export async function issueRecoveryCodes(tx: Tx, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = randomBytes(5).toString('hex');
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: digest(c) })) });
  return codes;
}
