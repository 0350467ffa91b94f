import type pg from 'pg';
import { AppError } from '@/lib/domain/errors';
import { resilientPool } from './db';
import { databaseUrl, env, rateLimit } from './env';

/** Spec 003's table: token per IP, ticket create/read per user, everything else per user. */
export type RateBucket = 'token' | 'ticketCreate' | 'ticketRead' | 'default' | 'passwordReset';

const SPEC: Record<RateBucket, string> = {
  token: env.RATE_LIMIT_TOKEN,
  ticketCreate: env.RATE_LIMIT_TICKET_CREATE,
  ticketRead: env.RATE_LIMIT_TICKET_READ,
  default: env.RATE_LIMIT_DEFAULT,
  passwordReset: env.RATE_LIMIT_PASSWORD_RESET,
};

const g = globalThis as unknown as { __switchboardRateLimiters?: Map<RateBucket, Limiter>; __switchboardLimiterPool?: pg.Pool };

/** A Postgres-backed limiter: `consume(key)` returns the X-RateLimit-* headers or throws spec 003's 429. */
export interface Limiter {
  readonly points: number;
  readonly duration: number;
  consume(key: string): Promise<Record<string, string>>;
}

/**
 * Takes `want` points of a fixed window in one atomic upsert and answers how many were granted. The row counts
 * every point handed out in the window (granted or not: asking beyond the limit only tells others it is spent).
 */
const RESERVE = `
  INSERT INTO identity.rate_limits AS r (key, points, expire) VALUES ($1, $2, $3)
  ON CONFLICT (key) DO UPDATE SET
    points = CASE WHEN r.expire IS NULL OR r.expire <= $4 THEN $2 ELSE r.points + $2 END,
    expire = CASE WHEN r.expire IS NULL OR r.expire <= $4 THEN $3 ELSE r.expire END
  RETURNING points, expire`;

interface Lease {
  /** Points of this window this process took from the store and has not handed out yet. */
  left: number;
  /** Points the whole installation had taken in this window when this process last asked. */
  taken: number;
  /** End of the window (epoch ms). */
  expire: number;
  /** A reservation under way (the callers of this key wait for it instead of asking the store themselves). */
  pending?: Promise<void>;
}

/**
 * Build a limiter on the shared Postgres store (identity.rate_limits, created by our migrations; one fixed
 * window per key). A process does not write per request: it takes a lease of several points in one atomic
 * upsert and hands them out locally, so the limit is never exceeded across any number of processes. The lease
 * is a twentieth of the limit (at most `RATE_LIMIT_LEASE_MAX`) and shrinks to one point as the window's points
 * run out, so a small limit (5 sign-ins a minute) is counted point by point, exactly as before. A lease unused at
 * the end of its window is lost: a process can refuse at most its unused lease too early (≤ 5 % of the limit).
 */
export function createLimiter(opts: { keyPrefix: string; points: number; duration: number }): Limiter {
  g.__switchboardLimiterPool ??= resilientPool(databaseUrl(), 5);
  const pool = g.__switchboardLimiterPool;
  const leases = new Map<string, Lease>();
  const leaseSize = (taken: number) =>
    Math.max(1, Math.min(env.RATE_LIMIT_LEASE_MAX, Math.floor(opts.points / 20), Math.floor((opts.points - taken) / 4)));

  const headers = (remaining: number, expire: number) => ({
    'X-RateLimit-Limit': String(opts.points),
    'X-RateLimit-Remaining': String(Math.max(0, remaining)),
    'X-RateLimit-Reset': String(Math.ceil(expire / 1000)),
  });

  async function reserve(key: string, lease: Lease | undefined): Promise<void> {
    const now = Date.now();
    const live = lease && lease.expire > now ? lease : undefined;
    const want = leaseSize(live?.taken ?? 0);
    const { rows } = await pool.query<{ points: number; expire: string }>(RESERVE, [
      `${opts.keyPrefix}:${key}`,
      want,
      now + opts.duration * 1000,
      now,
    ]);
    const taken = Number(rows[0].points);
    const expire = Number(rows[0].expire);
    const granted = Math.max(0, Math.min(want, opts.points - (taken - want)));
    if (leases.size > 10_000) for (const [k, l] of leases) if (l.expire <= now && !l.pending) leases.delete(k);
    const current = leases.get(key);
    const keep = current && current.expire === expire ? current.left : 0;
    leases.set(key, { left: keep + granted, taken, expire });
  }

  return {
    points: opts.points,
    duration: opts.duration,
    async consume(key: string) {
      for (;;) {
        const lease = leases.get(key);
        const now = Date.now();
        if (lease && lease.expire > now && lease.left > 0) {
          lease.left--;
          return headers(opts.points - lease.taken + lease.left, lease.expire);
        }
        if (lease?.pending) {
          await lease.pending;
          continue;
        }
        const holder: Lease = lease ?? { left: 0, taken: 0, expire: 0 };
        if (!lease) leases.set(key, holder);
        holder.pending = reserve(key, lease).finally(() => {
          holder.pending = undefined;
        });
        await holder.pending;
        const after = leases.get(key);
        if (after && after.left === 0 && after.taken >= opts.points) {
          // Every point of this window is spent (by any process). A refused request asks the store each time, so
          // a window reset by an administrator (or expiry) counts at once.
          const retryAfter = Math.max(1, Math.ceil((after.expire - Date.now()) / 1000));
          throw new AppError(
            429,
            'RATE_LIMIT_EXCEEDED',
            'Too many requests. Please try again later.',
            { retry_after: retryAfter },
            { ...headers(0, after.expire), 'Retry-After': String(retryAfter) },
          );
        }
      }
    },
  };
}

function limiter(bucket: RateBucket): Limiter {
  g.__switchboardRateLimiters ??= new Map();
  let l = g.__switchboardRateLimiters.get(bucket);
  if (!l) {
    l = createLimiter({ keyPrefix: bucket, ...rateLimit(SPEC[bucket]) });
    g.__switchboardRateLimiters.set(bucket, l);
  }
  return l;
}

/** Consumes one point; returns the headers to add, or throws the 429 of spec 003. */
export async function consume(bucket: RateBucket, key: string): Promise<Record<string, string>> {
  if (env.RATE_LIMIT_DISABLED) return {};
  return limiter(bucket).consume(key);
}
