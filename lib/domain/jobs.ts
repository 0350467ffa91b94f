import type { z } from 'zod';

/**
 * What a producer needs to enqueue a job: its queue name, payload schema and retry policy. Producers import
 * only this (from `lib/domain/contracts/` or their own context), never the handler, so enqueueing a message
 * never pulls the consumer's code into the producer.
 */
export interface JobMessage<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  /** Transient failures retry with exponential backoff (spec 000: 4 attempts, 1 s, 2 s, 4 s, 8 s). */
  retry?: { limit: number; delaySeconds: number; backoff: boolean };
  /** Seconds a job may run before it is considered dead and retried. */
  expireInSeconds?: number;
}

/**
 * The one job definition shape: a message plus its handler. Payloads carry identifiers; handlers re-read state
 * and call one domain command. Delivery is at-least-once, so every handler must be idempotent.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> extends JobMessage<S> {
  /** Workers fetch this many jobs per poll. */
  batchSize?: number;
  /** Cron schedule (UTC) for periodic jobs. */
  cron?: string;
  handler: (payload: z.output<S>, job: { id: string; retryCount: number }) => Promise<void>;
  /**
   * Optional: the whole fetched batch (valid payloads) in one go, e.g. one transaction and one INSERT for all.
   * It must be all-or-nothing (one transaction): when it throws, each job of the batch runs alone through
   * `handler`, so a failing job retries or dead-letters by itself and never takes the others with it.
   */
  batchHandler?: (payloads: z.output<S>[]) => Promise<void>;
}

export function defineMessage<S extends z.ZodType>(message: JobMessage<S>): JobMessage<S> {
  return message;
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
