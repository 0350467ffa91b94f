import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/domain/errors';
import { errorResponse } from '@/lib/server/http';
import { createLimiter } from '@/lib/server/ratelimit';

/** A limiter with small limits on the real Postgres store; a unique prefix keeps runs apart. */
const small = () => createLimiter({ keyPrefix: `test-${randomUUID()}`, points: 5, duration: 60 });

describe('rate limiter on Postgres', () => {
  it('is exact under concurrency: 20 concurrent consumes, exactly 5 succeed', async () => {
    const limiter = small();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => limiter.consume('ip:10.0.0.1')));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(5);
    expect(refused).toHaveLength(15);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).status).toBe(429);
    }
    // Each success saw a distinct remaining count: 4, 3, 2, 1, 0.
    const remaining = ok
      .map((r) => Number((r as PromiseFulfilledResult<Record<string, string>>).value['X-RateLimit-Remaining']))
      .sort();
    expect(remaining).toEqual([0, 1, 2, 3, 4]);
  });

  it('counts each key separately', async () => {
    const limiter = small();
    for (let i = 0; i < 5; i++) await limiter.consume('user:1');
    await expect(limiter.consume('user:1')).rejects.toMatchObject({ status: 429 });
    await expect(limiter.consume('user:2')).resolves.toMatchObject({ 'X-RateLimit-Remaining': '4' });
  });

  it('returns X-RateLimit-* headers on success', async () => {
    const limiter = small();
    const before = Math.floor(Date.now() / 1000);
    const headers = await limiter.consume('ip:10.0.0.2');
    expect(headers['X-RateLimit-Limit']).toBe('5');
    expect(headers['X-RateLimit-Remaining']).toBe('4');
    const reset = Number(headers['X-RateLimit-Reset']);
    expect(reset).toBeGreaterThanOrEqual(before + 59);
    expect(reset).toBeLessThanOrEqual(before + 61);
  });

  it('answers 429 with the body of spec 003, Retry-After and X-RateLimit-* headers', async () => {
    const limiter = small();
    for (let i = 0; i < 5; i++) await limiter.consume('ip:10.0.0.3');
    const err = await limiter.consume('ip:10.0.0.3').then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    // The route wrapper turns the error into the response with errorResponse().
    const res = errorResponse(err as AppError, 'trace-123');
    expect(res.status).toBe(429);
    const body = await res.json();
    expect(body).toMatchObject({
      status: 'error',
      error: 'Rate Limit Exceeded',
      message: 'Too many requests. Please try again later.',
      code: 'RATE_LIMIT_EXCEEDED',
      retry_after: expect.any(Number),
      details: { retry_after: expect.any(Number), trace_id: 'trace-123' },
    });
    expect(body.retry_after).toBeGreaterThanOrEqual(1);
    expect(body.retry_after).toBeLessThanOrEqual(60);
    expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(res.headers.get('Retry-After')).toBe(String(body.retry_after));
    expect(res.headers.get('X-RateLimit-Limit')).toBe('5');
    expect(res.headers.get('X-RateLimit-Remaining')).toBe('0');
    expect(Number(res.headers.get('X-RateLimit-Reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(res.headers.get('X-Trace-Id')).toBe('trace-123');
  });
});

describe('rate limiter leases (no write per request)', () => {
  const count = async (key: string) => {
    const { db } = await import('@/lib/server/db');
    const rows = await db.$queryRaw<{ points: number }[]>`SELECT points FROM identity.rate_limits WHERE key = ${key}`;
    return rows[0]?.points ?? 0;
  };

  it('hands out a large limit from leases: 10 requests take one lease of 50 points from the store', async () => {
    const prefix = `lease-${randomUUID()}`;
    const limiter = createLimiter({ keyPrefix: prefix, points: 1000, duration: 60 });
    const seen: number[] = [];
    for (let i = 0; i < 10; i++) seen.push(Number((await limiter.consume('user:7'))['X-RateLimit-Remaining']));
    expect(seen).toEqual([999, 998, 997, 996, 995, 994, 993, 992, 991, 990]);
    expect(await count(`${prefix}:user:7`)).toBe(50);
  });

  it('never exceeds the limit across processes: two limiters on one store grant exactly 100 of 300', async () => {
    const prefix = `lease-${randomUUID()}`;
    // Two limiters with the same prefix are two processes: separate leases, one shared store.
    const a = createLimiter({ keyPrefix: prefix, points: 100, duration: 60 });
    const b = createLimiter({ keyPrefix: prefix, points: 100, duration: 60 });
    const attempts = Array.from({ length: 300 }, (_, i) => (i % 2 ? a : b).consume('user:9'));
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(100);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(200);
    for (const r of refused) expect((r.reason as AppError).status).toBe(429);
    // A third process arriving later is refused too (the store counts every point handed out).
    const c = createLimiter({ keyPrefix: prefix, points: 100, duration: 60 });
    await expect(c.consume('user:9')).rejects.toMatchObject({ status: 429 });
  });
});
