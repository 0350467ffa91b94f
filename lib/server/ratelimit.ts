import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@/lib/domain/errors';
import { databaseUrl, env, rateLimit } from './env';

/** Spec 003's table: token per IP, ticket create/read per user, everything else per user. */
export type RateBucket = 'token' | 'ticketCreate' | 'ticketRead' | 'default';

const SPEC: Record<RateBucket, string> = {
  token: env.RATE_LIMIT_TOKEN,
  ticketCreate: env.RATE_LIMIT_TICKET_CREATE,
  ticketRead: env.RATE_LIMIT_TICKET_READ,
  default: env.RATE_LIMIT_DEFAULT,
};

const g = globalThis as unknown as { __switchboardLimiters?: Map<RateBucket, RateLimiterPostgres>; __switchboardLimiterPool?: pg.Pool };

function limiter(bucket: RateBucket): RateLimiterPostgres {
  g.__switchboardLimiters ??= new Map();
  let l = g.__switchboardLimiters.get(bucket);
  if (!l) {
    g.__switchboardLimiterPool ??= new pg.Pool({ connectionString: databaseUrl(), max: 5 });
    const { points, duration } = rateLimit(SPEC[bucket]);
    // The table is created by our migrations (identity.rate_limits); increments are atomic upserts.
    l = new RateLimiterPostgres({
      storeClient: g.__switchboardLimiterPool,
      storeType: 'pool',
      schemaName: 'identity',
      tableName: 'rate_limits',
      tableCreated: true,
      keyPrefix: bucket,
      points,
      duration,
      clearExpiredByTimeout: false,
    });
    g.__switchboardLimiters.set(bucket, l);
  }
  return l;
}

function headers(bucket: RateBucket, res: RateLimiterRes) {
  const { points } = rateLimit(SPEC[bucket]);
  return {
    'X-RateLimit-Limit': String(points),
    'X-RateLimit-Remaining': String(Math.max(0, res.remainingPoints)),
    'X-RateLimit-Reset': String(Math.ceil((Date.now() + res.msBeforeNext) / 1000)),
  };
}

/** Consumes one point; returns the headers to add, or throws the 429 of spec 003. */
export async function consume(bucket: RateBucket, key: string): Promise<Record<string, string>> {
  if (env.RATE_LIMIT_DISABLED) return {};
  try {
    return headers(bucket, await limiter(bucket).consume(key));
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      const retryAfter = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new AppError(
        429,
        'RATE_LIMIT_EXCEEDED',
        'Too many requests. Please try again later.',
        { retry_after: retryAfter },
        { ...headers(bucket, e), 'Retry-After': String(retryAfter) },
      );
    }
    throw e;
  }
}
