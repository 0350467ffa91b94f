import type { z } from 'zod';

/**
 * The one job definition shape. Payloads carry identifiers; handlers re-read state and call one
 * domain command. Delivery is at-least-once, so every handler must be idempotent.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  /** Transient failures retry with exponential backoff (spec 000: 4 attempts, 1 s, 2 s, 4 s, 8 s). */
  retry?: { limit: number; delaySeconds: number; backoff: boolean };
  /** Workers fetch this many jobs per poll. */
  batchSize?: number;
  /** Seconds a job may run before it is considered dead and retried. */
  expireInSeconds?: number;
  /** Cron schedule (UTC) for periodic jobs. */
  cron?: string;
  handler: (payload: z.output<S>, job: { id: string; retryCount: number }) => Promise<void>;
}

export function defineJob<S extends z.ZodType>(job: JobDefinition<S>): JobDefinition<S> {
  return job;
}

/** A failure that retrying cannot fix (invalid payload, unknown ticket...): dead-lettered at once. */
export class PermanentJobError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

export const DEFAULT_RETRY = { limit: 4, delaySeconds: 1, backoff: true } as const;
