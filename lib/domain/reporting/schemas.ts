import { z } from 'zod';

/** GET /tts/reports/coordinator-home/: how many weeks of CSAT to chart (this week included). */
export const coordinatorHomeQuery = z.object({
  weeks: z.coerce.number().int().min(1).max(52).default(12),
});
export type CoordinatorHomeQuery = z.infer<typeof coordinatorHomeQuery>;
