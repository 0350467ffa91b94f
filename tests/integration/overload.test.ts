import { describe, expect, it } from 'vitest';
import { transaction } from '@/lib/server/db';
import { toAppError } from '@/lib/server/http';

/**
 * Overload: under the mixed-load benchmark a ticket submission's transaction outlived its 15 s timeout (the process
 * was saturated) and the client was answered 500 INTERNAL_ERROR. An expired transaction is a busy service, not a
 * bug in the request: it is answered 503 with Retry-After, like a pool that hands out no connection in time.
 */
describe('a transaction that outlives its timeout', () => {
  it('is answered 503 SERVICE_UNAVAILABLE with Retry-After, not 500', async () => {
    const error = await transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT pg_sleep(0.5)::text`;
        await tx.$queryRaw`SELECT 1`;
      },
      { timeout: 100 },
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, 'the transaction expired').toBeTruthy();
    const mapped = toAppError(error, 'trace');
    expect(mapped).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(mapped.headers).toMatchObject({ 'Retry-After': expect.any(String) });
  });
});
