import type { JobDefinition } from '@/lib/domain/jobs';
import { cleanupJobsJob } from '@/lib/domain/operations/jobs';

/** Every job of every context. A context adds its jobs here (lib/domain/<context>/jobs.ts). */
export const JOBS: JobDefinition[] = [cleanupJobsJob];
