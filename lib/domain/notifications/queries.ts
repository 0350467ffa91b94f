import { db } from '@/lib/server/db';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import { Page, skipTake } from '../pagination';
import { notificationDto } from './commands';
import { assertCanSeeDeliveries, assertListsOwnNotifications, assertServiceNamesUser, ownNotifications } from './policy';
import type { DeliveryListQuery, InAppListQuery, NotificationListQuery } from './schemas';

/** The caller's in-app notifications, newest first, with the unread count. */
export async function listInAppNotifications(actor: Actor, q: InAppListQuery) {
  const where = { ...ownNotifications(actor), ...(q.is_read === undefined ? {} : { isRead: q.is_read }) };
  const [count, rows, unread] = await Promise.all([
    db.notification.count({ where }),
    db.notification.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], ...skipTake(q) }),
    db.notification.count({ where: { ...ownNotifications(actor), isRead: false } }),
  ]);
  return new Page(count, rows.map(notificationDto), q.page, q.page_size, { unread_count: unread });
}

/** Spec 003's list: the caller's notifications (`user_id`, if given, must be the caller). */
export async function listOwnNotifications(actor: Actor, q: NotificationListQuery) {
  assertListsOwnNotifications(actor, q.user_id);
  return listInAppNotifications(actor, q);
}

/**
 * Spec 003's API-key example, `GET /api/notifications/`: a service holding a key lists one user's notifications
 * (`user_id` required: a service acts for no user of its own), newest first; a signed-in user lists their own.
 */
export async function listNotificationsFor(actor: Actor | null, q: NotificationListQuery) {
  if (actor) return listOwnNotifications(actor, q);
  const own = { userId: assertServiceNamesUser(q.user_id) };
  const where = { ...own, ...(q.is_read === undefined ? {} : { isRead: q.is_read }) };
  const [count, rows, unread] = await Promise.all([
    db.notification.count({ where }),
    db.notification.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], ...skipTake(q) }),
    db.notification.count({ where: { ...own, isRead: false } }),
  ]);
  return new Page(count, rows.map(notificationDto), q.page, q.page_size, { unread_count: unread });
}

/** One of the caller's notifications (someone else's does not exist for them: 404). */
export async function getNotification(actor: Actor, id: string) {
  const row = await db.notification.findFirst({ where: { id, ...ownNotifications(actor) } });
  if (!row) throw notFound('Notification');
  return notificationDto(row);
}

export async function unreadCount(actor: Actor): Promise<number> {
  return db.notification.count({ where: { ...ownNotifications(actor), isRead: false } });
}

/** Every e-mail delivery attempt, newest first (admins). */
export async function listEmailDeliveries(actor: Actor, q: DeliveryListQuery) {
  assertCanSeeDeliveries(actor);
  const where = q.status ? { status: q.status } : {};
  const [count, rows] = await Promise.all([
    db.emailDelivery.count({ where }),
    db.emailDelivery.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], ...skipTake(q) }),
  ]);
  return new Page(
    count,
    rows.map((d) => ({
      id: d.id,
      notification_id: d.notificationId,
      user_id: d.userId,
      recipient: d.recipient,
      subject: d.subject,
      status: d.status,
      transport: d.transport,
      attempt: d.attempt,
      error: d.error,
      message_id: d.messageId,
      created_at: d.createdAt.toISOString(),
    })),
    q.page,
    q.page_size,
  );
}
