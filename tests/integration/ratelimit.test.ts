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
