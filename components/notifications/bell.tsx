'use client';

import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Bell } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { Time } from '@/components/ui/time';
import { api } from '@/lib/client/api';
import { useSocketEvent } from '@/lib/client/realtime';
import { INAPP_URL, type NotificationItem, type NotificationPage } from './types';

/** Header bell: live unread count (socket.io `notification` events), latest items, link to /notifications. */
export function NotificationBell() {
  const [unread, setUnread] = useState<number | null>(null);
  const [items, setItems] = useState<NotificationItem[]>([]);
  const [error, setError] = useState(false);

  const load = useCallback(async () => {
    try {
      const page = await api<NotificationPage>('GET', `${INAPP_URL}?page_size=8`);
      setUnread(page.unread_count);
      setItems(page.results);
      setError(false);
    } catch {
      setError(true);
    }
  }, []);

  useEffect(() => {
    load();
  }, [load]);
  useSocketEvent('notification', () => load());
  useSocketEvent('notification_read', () => load());
  useSocketEvent('connect', () => load());

  async function open(item: NotificationItem) {
    if (!item.is_read) await api('PATCH', `${INAPP_URL}${item.id}/`, { is_read: true }).catch(() => {});
    if (item.link) window.location.href = item.link;
    else load();
  }

  const count = unread ?? 0;
  return (
    <DropdownMenu.Root onOpenChange={(o) => o && load()}>
      <DropdownMenu.Trigger
        aria-label={count ? `Notifications, ${count} unread` : 'Notifications'}
        data-testid="notification-bell"
        className="relative rounded-md p-2 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        <Bell className="h-4 w-4" aria-hidden />
        {count > 0 && (
          <span
            data-testid="notification-count"
            className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white"
          >
            {count > 99 ? '99+' : count}
          </span>
        )}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 w-80 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <div className="flex items-center justify-between px-2 py-1.5">
            <span className="text-sm font-semibold">Notifications</span>
            {count > 0 && (
              <button
                type="button"
                className="text-xs text-brand-700 hover:underline dark:text-brand-100"
                onClick={async () => {
                  await api('POST', `${INAPP_URL}mark-all-read/`).catch(() => {});
                  load();
                }}
              >
                Mark all read
              </button>
            )}
          </div>
          {error && <p className="px-2 py-3 text-sm text-red-700">Could not load notifications.</p>}
          {!error && unread === null && <p className="px-2 py-3 text-sm text-slate-500">Loading…</p>}
          {!error && unread !== null && items.length === 0 && (
            <p className="px-2 py-3 text-sm text-slate-500">You have no notifications.</p>
          )}
          {items.map((n) => (
            <DropdownMenu.Item
              key={n.id}
              onSelect={() => open(n)}
              className="flex cursor-pointer flex-col gap-0.5 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800"
            >
              <span className={n.is_read ? 'text-slate-600 dark:text-slate-400' : 'font-semibold'}>
                {!n.is_read && <span className="sr-only">Unread: </span>}
                {n.subject}
              </span>
              <span className="line-clamp-2 text-xs text-slate-500">{n.message}</span>
              <Time value={n.created_at} className="text-[11px] text-slate-500 dark:text-slate-400" />
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
          <DropdownMenu.Item asChild>
            <a
              href="/notifications"
              className="block rounded px-2 py-1.5 text-center text-sm text-brand-700 outline-none data-[highlighted]:bg-slate-100 dark:text-brand-100 dark:data-[highlighted]:bg-slate-800"
            >
              See all notifications
            </a>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
