import { z } from 'zod';
import { pageOutput, pageQuery } from '../pagination';

export const jobIdParam = z.object({ id: z.string().uuid('Not a job id') });
export const deadLetterListQuery = pageQuery.extend({ queue: z.string().max(100).optional() });
export const failedListQuery = pageQuery.extend({ queue: z.string().max(100).optional() });
export const replayAllInput = z.object({ queue: z.string().max(100).optional() });

/** GET /health/ and GET /<service>/health/ (lib/server/health.ts). */
export const healthOutput = z.object({
  status: z.enum(['ok', 'degraded']),
  service: z.string(),
  version: z.string().describe("004's version: the API's"),
  environment: z.enum(['development', 'production', 'test']).describe("004's environment (NODE_ENV)"),
  checks: z.object({ database: z.enum(['ok', 'error']), job_queue: z.enum(['ok', 'error', 'not_started']) }),
  latency_ms: z.number().int(),
  timestamp: z.string(),
});

const stateCount = z.number().int();
export const queueDepthsOutput = z.object({
  results: z.array(
    z.object({
      name: z.string(),
      created: stateCount,
      retry: stateCount,
      active: stateCount,
      completed: stateCount,
      cancelled: stateCount,
      failed: stateCount,
      waiting: stateCount.describe('created + retry'),
      dead_letter: z.boolean().describe('The queue of dead letters itself'),
    }),
  ),
});

/** A dead letter (`DeadLetter` and its job's id and time): the message, where it was going, why it failed. */
export const deadLetterOutput = z.object({
  id: z.string(),
  queue: z.string(),
  job_id: z.string(),
  data: z.unknown(),
  code: z.string(),
  error: z.string(),
  attempts: z.number().int(),
  dead_lettered_at: z.string(),
});
export const deadLetterListOutput = pageOutput(deadLetterOutput);

export const failedJobListOutput = pageOutput(
  z.object({
    id: z.string(),
    queue: z.string(),
    data: z.unknown(),
    error: z.string(),
    attempts: z.number().int(),
    failed_at: z.string().nullable(),
  }),
);

export const replayOutput = z.object({ replayed: z.literal(1), job_id: z.string().nullable(), queue: z.string() });
export const replayAllOutput = z.object({ replayed: z.number().int() });
