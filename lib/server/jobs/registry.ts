import { HELPDESK_JOBS } from '@/lib/domain/helpdesk/jobs';
import { IDENTITY_JOBS } from '@/lib/domain/identity/jobs';
import type { JobDefinition } from '@/lib/domain/jobs';
import { MESSAGING_JOBS } from '@/lib/domain/messaging/jobs';
import { NOTIFICATION_JOBS } from '@/lib/domain/notifications/jobs';
import { cleanupJobsJob } from '@/lib/domain/operations/jobs';
import { WORKFLOW_JOBS } from '@/lib/domain/workflow/jobs';

/** Every job of every context. A context adds its jobs here (lib/domain/<context>/jobs.ts). */
export const JOBS: JobDefinition[] = [
  cleanupJobsJob,
  ...HELPDESK_JOBS,
  ...IDENTITY_JOBS,
  ...MESSAGING_JOBS,
  ...NOTIFICATION_JOBS,
  ...WORKFLOW_JOBS,
];
