import { transaction } from '@/lib/server/db';
import { defineJob } from '../jobs';
import { createNotifications, sendNotificationEmail } from './commands';
import { EMAIL_JOB, NOTIFY_JOB } from './schemas';

/** notifications.notify: in-app rows (idempotent by dedupe key), live push, one e-mail job per recipient. */
export const notifyJob = defineJob({
  ...NOTIFY_JOB,
  handler: async (payload) => {
    await transaction((tx) => createNotifications(tx, payload));
  },
});

/** notifications.email: one delivery attempt; failures retry with backoff and are recorded for admins. */
export const emailJob = defineJob({
  ...EMAIL_JOB,
  batchSize: 5,
  handler: async (payload, job) => {
    await sendNotificationEmail(payload.notification_id, job.retryCount + 1);
  },
});

export const NOTIFICATION_JOBS = [notifyJob, emailJob];
