import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Tx } from '@/lib/server/db';
import { enqueue } from '@/lib/server/jobs/queue';
import { DEFAULT_RETRY, defineMessage } from '../jobs';

/**
 * notifications.notify: any context tells the notifications context whom to notify. Producers import this
 * module only; the handler (in-app rows, live push, e-mail) lives in lib/domain/notifications.
 */
const ticketNumber = z.string().regex(/^TX\d{14}$/, 'Ticket numbers look like TX + date + 6 digits');

/** Input of notify(tx, input): who, what, and an optional dedupe key (generated when absent). */
export const notifyInput = z.object({
  user_ids: z.array(z.number().int().positive()).min(1).max(1000),
  type: z.string().min(1).max(48),
  title: z.string().min(1).max(255),
  message: z.string().min(1).max(5000),
  ticket_number: ticketNumber.nullable().optional(),
  /** Path inside the app (e.g. /agent/tasks/12) or absolute URL; e-mails link to APP_URL + path. */
  link: z.string().max(500).nullable().optional(),
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  /** Same key → the notification is created once per user, however often the job runs. */
  dedupe_key: z.string().min(1).max(128).optional(),
});
export type NotifyInput = z.input<typeof notifyInput>;

export const notifyPayload = notifyInput.extend({ dedupe_key: z.string().min(1).max(128) });
export type NotifyPayload = z.infer<typeof notifyPayload>;

export const NOTIFY_MESSAGE = defineMessage({ name: 'notifications.notify', schema: notifyPayload, retry: DEFAULT_RETRY });

/**
 * For every context: call INSIDE the transaction of the change that causes the notification. It only
 * enqueues `notifications.notify`, so a slow or failing mail server never slows or fails the request.
 * Give a `dedupe_key` derived from the event (e.g. `task:12:assigned:34`) to make re-sent events harmless.
 */
export async function notify(tx: Tx, input: NotifyInput): Promise<void> {
  const parsed = notifyInput.parse(input);
  await enqueue(tx, NOTIFY_MESSAGE, { ...parsed, dedupe_key: parsed.dedupe_key ?? randomUUID() });
}
