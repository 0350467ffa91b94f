import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { NotificationBell } from '@/components/notifications/bell';
import { NotificationList } from '@/components/notifications/notification-list';
import { listInAppNotifications } from '@/lib/domain/notifications/queries';
import { currentActor, landingPath } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Notifications' };
export const dynamic = 'force-dynamic';

const tabs = [
  { id: 'all', label: 'All' },
  { id: 'unread', label: 'Unread' },
  { id: 'read', label: 'Read' },
] as const;

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string; show?: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect('/login?callbackUrl=/notifications');
  const sp = await searchParams;
  const page = Math.max(1, Number(sp.page) || 1);
  const show = tabs.some((t) => t.id === sp.show) ? (sp.show as (typeof tabs)[number]['id']) : 'all';
  const [result, back] = await Promise.all([
    listInAppNotifications(actor, { page, page_size: 20, is_read: show === 'all' ? undefined : show === 'read' }),
    landingPath(actor),
  ]);
  const json = result.toJSON();
  const pages = Math.max(1, Math.ceil(result.count / 20));
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex h-14 max-w-3xl items-center gap-3 px-4">
          <Link
            href={back}
            className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            <ArrowLeft className="h-4 w-4" aria-hidden /> Back to portal
          </Link>
          <div className="ml-auto">
            <NotificationBell />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-8">
        <h1 className="text-2xl font-semibold tracking-tight">Notifications</h1>
        <nav aria-label="Filter notifications" className="flex gap-1">
          {tabs.map((t) => (
            <Link
              key={t.id}
              href={`/notifications?show=${t.id}`}
              aria-current={show === t.id ? 'page' : undefined}
              className={`rounded-md px-3 py-1.5 text-sm ${show === t.id ? 'bg-brand-600 text-white' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
            >
              {t.label}
            </Link>
          ))}
        </nav>
        <NotificationList items={json.results} unread={Number(result.extra.unread_count ?? 0)} />
        {pages > 1 && (
          <nav aria-label="Pages" className="flex items-center justify-between text-sm">
            {page > 1 ? <Link href={`/notifications?show=${show}&page=${page - 1}`}>← Newer</Link> : <span />}
            <span>
              Page {page} of {pages}
            </span>
            {page < pages ? <Link href={`/notifications?show=${show}&page=${page + 1}`}>Older →</Link> : <span />}
          </nav>
        )}
      </main>
    </div>
  );
}
