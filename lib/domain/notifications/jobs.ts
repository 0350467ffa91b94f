import { transaction } from '@/lib/server/db';
import { NOTIFY_MESSAGE } from '../contracts/notify';
import { defineJob } from '../jobs';
import { createNotificationBatch, createNotifications, sendNotificationEmail } from './commands';
import { EMAIL_JOB } from './schemas';

/** notifications.notify: in-app rows (idempotent by dedupe key), live push, one e-mail job per recipient. */
export const notifyJob = defineJob({
  ...NOTIFY_MESSAGE,
  handler: async (payload) => {
    await transaction((tx) => createNotifications(tx, payload));
  },
  // A batch of notify jobs: one transaction, one recipient read, one INSERT (3 notify jobs per routed ticket).
  batchHandler: async (payloads) => {
    await transaction((tx) => createNotificationBatch(tx, payloads));
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
