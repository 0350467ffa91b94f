import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@/lib/domain/errors';
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
 * Build a limiter on the shared Postgres store (identity.rate_limits, created by our migrations).
 * Increments are atomic upserts, so the limit is exact under concurrency. `keyPrefix` separates buckets.
 */
export function createLimiter(opts: { keyPrefix: string; points: number; duration: number }): Limiter {
  g.__switchboardLimiterPool ??= new pg.Pool({ connectionString: databaseUrl(), max: 5 });
  const store = new RateLimiterPostgres({
    storeClient: g.__switchboardLimiterPool,
    storeType: 'pool',
    schemaName: 'identity',
    tableName: 'rate_limits',
    tableCreated: true,
    keyPrefix: opts.keyPrefix,
    points: opts.points,
    duration: opts.duration,
    clearExpiredByTimeout: false,
  });
  const headers = (res: RateLimiterRes) => ({
    'X-RateLimit-Limit': String(opts.points),
    'X-RateLimit-Remaining': String(Math.max(0, res.remainingPoints)),
    'X-RateLimit-Reset': String(Math.ceil((Date.now() + res.msBeforeNext) / 1000)),
  });
  return {
    points: opts.points,
    duration: opts.duration,
    async consume(key: string) {
      try {
        return headers(await store.consume(key));
      } catch (e) {
        if (e instanceof RateLimiterRes) {
          const retryAfter = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
          throw new AppError(
            429,
            'RATE_LIMIT_EXCEEDED',
            'Too many requests. Please try again later.',
            { retry_after: retryAfter },
            { ...headers(e), 'Retry-After': String(retryAfter) },
          );
        }
        throw e;
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
