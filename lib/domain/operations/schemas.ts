import { z } from 'zod';
import { pageQuery } from '../pagination';

export const jobIdParam = z.object({ id: z.string().uuid('Not a job id') });
export const deadLetterListQuery = pageQuery.extend({ queue: z.string().max(100).optional() });
export const failedListQuery = pageQuery.extend({ queue: z.string().max(100).optional() });
export const replayAllInput = z.object({ queue: z.string().max(100).optional() });
