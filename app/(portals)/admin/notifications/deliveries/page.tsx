import type { Metadata } from 'next';
import Link from 'next/link';
import { listEmailDeliveries } from '@/lib/domain/notifications/queries';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'E-mail deliveries' };

const th = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500';
const td = 'px-3 py-2 align-top text-sm';

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<{ page?: string; status?: string }> }) {
  const actor = await requirePortal('admin');
  const sp = await searchParams;
  const page = Math.max(1, Number(sp.page) || 1);
  const status = sp.status === 'sent' || sp.status === 'failed' ? sp.status : undefined;
  const result = await listEmailDeliveries(actor, { page, page_size: 50, status });
  const pages = Math.max(1, Math.ceil(result.count / 50));
  const q = (p: number) => `/admin/notifications/deliveries?page=${p}${status ? `&status=${status}` : ''}`;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">E-mail deliveries</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Every attempt to e-mail a notification. Failed attempts retry with backoff; after the last one the job waits in the{' '}
          <Link href="/admin/queues" className="underline">
            dead-letter queue
          </Link>
          .
        </p>
      </div>
      <nav aria-label="Filter by status" className="flex gap-1">
        {[
          ['All', undefined],
          ['Sent', 'sent'],
          ['Failed', 'failed'],
        ].map(([label, s]) => (
          <Link
            key={label}
            href={s ? `/admin/notifications/deliveries?status=${s}` : '/admin/notifications/deliveries'}
            aria-current={status === s ? 'page' : undefined}
            className={`rounded-md px-3 py-1.5 text-sm ${status === s ? 'bg-brand-600 text-white' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
          >
            {label}
          </Link>
        ))}
      </nav>
      {result.count === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500 dark:border-slate-700">No e-mail deliveries yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-800">
            <thead>
              <tr>
                <th className={th}>When</th>
                <th className={th}>Recipient</th>
                <th className={th}>Subject</th>
                <th className={th}>Status</th>
                <th className={th}>Attempt</th>
                <th className={th}>Via</th>
                <th className={th}>Error</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {result.results.map((d) => (
                <tr key={d.id}>
                  <td className={`${td} whitespace-nowrap`}>{new Date(d.created_at).toLocaleString()}</td>
                  <td className={td}>{d.recipient}</td>
                  <td className={td}>{d.subject}</td>
                  <td className={td}>
                    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${d.status === 'sent' ? 'bg-emerald-100 text-emerald-800' : 'bg-red-100 text-red-800'}`}>
                      {d.status === 'sent' ? 'Sent' : 'Failed'}
                    </span>
                  </td>
                  <td className={td}>{d.attempt}</td>
                  <td className={td}>{d.transport === 'smtp' ? 'SMTP' : 'File (.data/mail)'}</td>
                  <td className={`${td} max-w-xs break-words text-xs text-red-800 dark:text-red-300`}>{d.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="flex items-center justify-between text-sm">
          {page > 1 ? <Link href={q(page - 1)}>← Newer</Link> : <span />}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={q(page + 1)}>Older →</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
