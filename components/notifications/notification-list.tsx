'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Time } from '@/components/ui/time';
import { api } from '@/lib/client/api';
import { useSocketEvent } from '@/lib/client/realtime';
import { INAPP_URL, type NotificationItem } from './types';

/** The notifications page's list: mark one or all read; new notifications refresh the page live. */
export function NotificationList({ items, unread }: { items: NotificationItem[]; unread: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  useSocketEvent('notification', () => router.refresh());

  async function mark(id: string, isRead: boolean) {
    try {
      await api('PATCH', `${INAPP_URL}${id}/`, { is_read: isRead });
      router.refresh();
    } catch (e) {
      toast.error(e instanceof Error ? e.message : 'Could not update the notification');
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between">
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="unread-summary">
          {unread === 0 ? 'All caught up.' : `${unread} unread`}
        </p>
        <button
          type="button"
          disabled={busy || unread === 0}
          onClick={async () => {
            setBusy(true);
            try {
              await api('POST', `${INAPP_URL}mark-all-read/`);
              router.refresh();
            } catch (e) {
              toast.error(e instanceof Error ? e.message : 'Could not mark all read');
            } finally {
              setBusy(false);
            }
          }}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {busy ? 'Marking…' : 'Mark all read'}
        </button>
      </div>
      {items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500 dark:border-slate-700">
          No notifications here.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {items.map((n) => (
            <li key={n.id} className="flex items-start gap-3 p-4">
              <span
                className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.is_read ? 'bg-transparent' : 'bg-brand-600'}`}
                aria-hidden
              />
              <div className="min-w-0 flex-1">
                <p className={n.is_read ? 'text-sm' : 'text-sm font-semibold'}>
                  {!n.is_read && <span className="sr-only">Unread: </span>}
                  {n.link ? (
                    <a href={n.link} className="hover:underline" onClick={() => !n.is_read && mark(n.id, true)}>
                      {n.subject}
                    </a>
                  ) : (
                    n.subject
                  )}
                </p>
                <p className="mt-0.5 whitespace-pre-line text-sm text-slate-600 dark:text-slate-400">{n.message}</p>
                <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                  <Time value={n.created_at} />
                  {n.ticket_number && ` · ${n.ticket_number}`}
                </p>
              </div>
              <button
                type="button"
                onClick={() => mark(n.id, !n.is_read)}
                className="shrink-0 rounded px-2 py-1 text-xs text-brand-700 hover:bg-slate-100 dark:text-brand-100 dark:hover:bg-slate-800"
              >
                {n.is_read ? 'Mark unread' : 'Mark read'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
