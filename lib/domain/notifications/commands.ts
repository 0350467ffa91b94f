import { randomUUID } from 'node:crypto';
import { afterCommit, db, type Tx, transaction } from '@/lib/server/db';
import { env } from '@/lib/server/env';
import { enqueue } from '@/lib/server/jobs/queue';
import { sendMail } from '@/lib/server/mail';
import { publish } from '@/lib/server/realtime';
import type { Actor } from '../actor';
import type { NotifyPayload } from '../contracts/notify';
import { badRequest, notFound } from '../errors';
import { userById, usersByEmails, usersByIds } from '../identity/directory';
import { PermanentJobError } from '../jobs';
import { ownNotifications } from './policy';
import { canonicalNotificationType, EMAIL_JOB, type SendNotificationBody } from './schemas';

export interface CreatedNotification {
  id: string;
  userId: number;
}

/**
 * The notify job's work: one in-app row per active recipient (idempotent on user + dedupe key), a live
 * `notification` push to `user:{id}` after commit, and one e-mail job per recipient who has not turned the
 * type off. Returns the rows created by this call (none when they already existed).
 */
export async function createNotifications(tx: Tx, p: NotifyPayload): Promise<CreatedNotification[]> {
  return createNotificationBatch(tx, [p]);
}

/**
 * Several notify payloads in one go (the notify job's batch): one read of every recipient and one INSERT of every
 * row, then the same e-mail jobs and pushes as one payload at a time.
 */
export async function createNotificationBatch(tx: Tx, payloads: NotifyPayload[]): Promise<CreatedNotification[]> {
  const users = await usersByIds(payloads.flatMap((p) => p.user_ids));
  const rows = payloads.flatMap((p) =>
    [...new Set(p.user_ids)]
      .filter((id) => users.get(id)?.isActive)
      .map((userId) => ({
        userId,
        type: p.type,
        subject: p.title,
        message: p.message,
        ticketNumber: p.ticket_number ?? null,
        link: p.link ?? (p.ticket_number ? `/tickets/${p.ticket_number}/conversation` : null),
        data: (p.data ?? undefined) as never,
        dedupeKey: p.dedupe_key,
      })),
  );
  if (!rows.length) return [];
  const created = await tx.notification.createManyAndReturn({ data: rows, skipDuplicates: true });
  for (const row of created) {
    const user = users.get(row.userId);
    if (user?.email && user.emailPreferences[row.type] !== false) {
      await enqueue(tx, EMAIL_JOB, { notification_id: row.id });
    }
    afterCommit(tx, () => publish(`user:${row.userId}`, 'notification', notificationDto(row)));
  }
  return created.map((r) => ({ id: r.id, userId: r.userId }));
}

export function notificationDto(n: {
  id: string;
  type: string;
  subject: string;
  message: string;
  ticketNumber: string | null;
  link: string | null;
  data: unknown;
  isRead: boolean;
  readAt: Date | null;
  createdAt: Date;
}) {
  return {
    id: n.id,
    notification_id: n.id, // spec 003's name for the id
    type: n.type,
    subject: n.subject,
    message: n.message,
    ticket_number: n.ticketNumber,
    link: n.link,
    data: n.data ?? null,
    is_read: n.isRead,
    read_at: n.readAt?.toISOString() ?? null,
    created_at: n.createdAt.toISOString(),
  };
}

/** 003's answer to a service creating notifications (`POST /notifications/notifications/` and its alias). */
export async function sendNotificationsReceipt(body: SendNotificationBody) {
  const created = await sendNotifications(body);
  return {
    notification_id: created[0]?.id ?? null,
    notification_ids: created.map((c) => c.id),
    status: 'sent' as const,
    timestamp: new Date().toISOString(),
  };
}

/** Services (X-API-Key): create notifications now for the named users (by id or e-mail). */
export async function sendNotifications(body: SendNotificationBody): Promise<CreatedNotification[]> {
  const ids = new Set<number>([...(body.user_ids ?? []), ...(body.user_id ? [body.user_id] : [])]);
  if (body.user_email) for (const u of await usersByEmails([body.user_email])) ids.add(u.id);
  if (!ids.size)
    throw badRequest(
      'No active user matches the recipients',
      { user_email: ['No active user with this e-mail'] },
      'USER_NOT_FOUND',
    );
  const type = canonicalNotificationType((body.notification_type ?? body.type) as string);
  const context = { ...(body.context_data ?? {}), ...(body.metadata ?? {}) };
  const ticket =
    body.ticket_number ??
    (typeof context.ticket_id === 'string' && /^TX\d{14}$/.test(context.ticket_id) ? context.ticket_id : undefined);
  const title = body.subject ?? defaultTitle(type, context);
  return transaction((tx) =>
    createNotifications(tx, {
      user_ids: [...ids],
      type,
      title,
      message: body.message ?? title,
      ticket_number: ticket ?? null,
      link: body.link ?? null,
      data: Object.keys(context).length ? context : null,
      dedupe_key: body.dedupe_key ?? randomUUID(),
    }),
  );
}

function defaultTitle(type: string, context: Record<string, unknown>): string {
  const words = type.replace(/_/g, ' ');
  const subject = context.task_title ?? context.ticket_id ?? context.task_id;
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}${subject ? `: ${String(subject)}` : ''}`.slice(0, 255);
}

export async function markNotificationRead(actor: Actor, id: string, isRead: boolean) {
  const row = await db.notification.findFirst({ where: { id, ...ownNotifications(actor) } });
  if (!row) throw notFound('Notification');
  const updated = await db.notification.update({
    where: { id },
    data: { isRead, readAt: isRead ? (row.readAt ?? new Date()) : null },
  });
  publish(`user:${actor.id}`, 'notification_read', { id, is_read: isRead });
  return { id: updated.id, notification_id: updated.id, is_read: updated.isRead, read_at: updated.readAt?.toISOString() ?? null };
}

export async function markAllNotificationsRead(actor: Actor) {
  const result = await db.notification.updateMany({
    where: { ...ownNotifications(actor), isRead: false },
    data: { isRead: true, readAt: new Date() },
  });
  publish(`user:${actor.id}`, 'notification_read', { all: true });
  return { updated: result.count, unread_count: 0 };
}

function appUrl(link: string | null): string {
  const base = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  if (!link) return base;
  return /^https?:\/\//.test(link) ? link : `${base}${link.startsWith('/') ? '' : '/'}${link}`;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The e-mail job's work: one attempt, recorded in email_deliveries whatever the outcome. */
export async function sendNotificationEmail(notificationId: string, attempt: number): Promise<void> {
  const n = await db.notification.findUnique({ where: { id: notificationId } });
  if (!n) throw new PermanentJobError('NOTIFICATION_NOT_FOUND', `Notification ${notificationId} does not exist`);
  // Only a retry can follow a delivery: pg-boss counts every restart of a job as one (an expired run whose
  // completion was lost included), so a first attempt skips the check. Started together, the e-mail jobs of a
  // fetched batch reach this line in the same tick, and Prisma joins their recipient lookups into one statement.
  const [sent, user] = await Promise.all([
    attempt > 1 ? db.emailDelivery.findFirst({ where: { notificationId, status: 'sent' }, select: { id: true } }) : null,
    userById(n.userId),
  ]);
  if (sent) return; // already delivered
  if (!user?.email || !user.isActive || user.emailPreferences[n.type] === false) return;
  const url = appUrl(n.link ?? (n.ticketNumber ? `/tickets/${n.ticketNumber}/conversation` : null));
  const subject = `[Switchboard] ${n.subject}`.slice(0, 255);
  const text = `Hello ${user.name},\n\n${n.message}\n\n${n.ticketNumber ? `Ticket: ${n.ticketNumber}\n` : ''}Open: ${url}\n\nYou can turn these e-mails off in your profile.\n`;
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">
<p>Hello ${escapeHtml(user.name)},</p><p>${escapeHtml(n.message).replace(/\n/g, '<br>')}</p>
${n.ticketNumber ? `<p>Ticket: <strong>${escapeHtml(n.ticketNumber)}</strong></p>` : ''}
<p><a href="${escapeHtml(url)}">Open in Switchboard</a></p>
<p style="color:#64748b;font-size:12px">You can turn these e-mails off in your profile.</p></body></html>`;
  const base = { notificationId, userId: user.id, recipient: user.email, subject, attempt };
  try {
    const result = await sendMail({ to: user.email, subject, text, html });
    await db.emailDelivery.create({
      data: { ...base, status: 'sent', transport: result.transport, messageId: result.messageId.slice(0, 255) },
    });
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    await db.emailDelivery.create({ data: { ...base, status: 'failed', transport: 'smtp', error: error.slice(0, 2000) } });
    throw e;
  }
}
