import type { Metadata } from 'next';
import Link from 'next/link';
import { DeadLetterActions, ReplayAllButton } from '@/components/admin/queues/dead-letter-actions';
import { listDeadLetters, listFailed, queueDepths } from '@/lib/domain/operations/queries';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Job queues' };

const th = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500';
const td = 'px-3 py-2 align-top text-sm';

function Payload({ value }: { value: unknown }) {
  return (
    <details>
      <summary className="cursor-pointer text-xs text-brand-700 dark:text-brand-100">Payload</summary>
      <pre className="mt-1 max-w-xl overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

export default async function QueuesPage({ searchParams }: { searchParams: Promise<{ dl?: string; failed?: string }> }) {
  const actor = await requirePortal('admin');
  const sp = await searchParams;
  const dlPage = Math.max(1, Number(sp.dl) || 1);
  const failedPage = Math.max(1, Number(sp.failed) || 1);
  const [depths, dead, failed] = await Promise.all([
    queueDepths(actor),
    listDeadLetters(actor, { page: dlPage, page_size: 20 }),
    listFailed(actor, { page: failedPage, page_size: 20 }),
  ]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Job queues</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Messages between the help desk, the workflow engine and notifications. Failed messages retry with backoff; permanent errors
          and exhausted retries wait in the dead-letter queue for replay or discard.
        </p>
      </div>

      <section aria-labelledby="depths">
        <h2 id="depths" className="mb-2 text-lg font-semibold">Queue depths</h2>
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-800">
            <thead>
              <tr>
                <th className={th}>Queue</th>
                <th className={th}>Waiting</th>
                <th className={th}>Retrying</th>
                <th className={th}>Active</th>
                <th className={th}>Completed (last hour)</th>
                <th className={th}>Failed</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {depths.results.map((q) => (
                <tr key={q.name}>
                  <td className={`${td} font-mono`}>{q.name}</td>
                  <td className={td}>{q.created}</td>
                  <td className={td}>{q.retry}</td>
                  <td className={td}>{q.active}</td>
                  <td className={td}>{q.completed}</td>
                  <td className={td}>{q.failed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="dead">
        <div className="mb-2 flex items-center justify-between">
          <h2 id="dead" className="text-lg font-semibold">Dead letters ({dead.count})</h2>
          <ReplayAllButton count={dead.count} />
        </div>
        {dead.count === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:border-slate-700">
            No dead letters. Every message was delivered or is still retrying.
          </p>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-800">
              <thead>
                <tr>
                  <th className={th}>Queue</th>
                  <th className={th}>Error</th>
                  <th className={th}>Attempts</th>
                  <th className={th}>When</th>
                  <th className={th}>Actions</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {dead.results.map((d) => (
                  <tr key={d.id}>
                    <td className={`${td} font-mono`}>{d.queue}</td>
                    <td className={td}>
                      <span className="mr-2 rounded bg-red-50 px-1.5 py-0.5 font-mono text-xs text-red-700 dark:bg-red-950 dark:text-red-300">{d.code}</span>
                      {d.error}
                      <Payload value={d.data} />
                    </td>
                    <td className={td}>{d.attempts}</td>
                    <td className={`${td} whitespace-nowrap`}>{new Date(d.dead_lettered_at).toLocaleString()}</td>
                    <td className={td}>
                      <DeadLetterActions id={d.id} queue={d.queue} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager param="dl" page={dlPage} hasNext={dead.hasNext} />
      </section>

      <section aria-labelledby="failed">
        <h2 id="failed" className="mb-2 text-lg font-semibold">Failed jobs ({failed.count})</h2>
        {failed.count === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:border-slate-700">No failed jobs.</p>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <table className="min-w-full divide-y divide-slate-200 dark:divide-slate-800">
              <thead>
                <tr>
                  <th className={th}>Queue</th>
                  <th className={th}>Error</th>
                  <th className={th}>Attempts</th>
                  <th className={th}>Failed at</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {failed.results.map((f) => (
                  <tr key={f.id}>
                    <td className={`${td} font-mono`}>{f.queue}</td>
                    <td className={td}>
                      {f.error}
                      <Payload value={f.data} />
                    </td>
                    <td className={td}>{f.attempts}</td>
                    <td className={`${td} whitespace-nowrap`}>{f.failed_at ? new Date(f.failed_at).toLocaleString() : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager param="failed" page={failedPage} hasNext={failed.hasNext} />
      </section>
    </div>
  );
}

function Pager({ param, page, hasNext }: { param: string; page: number; hasNext: boolean }) {
  if (page === 1 && !hasNext) return null;
  const link = 'rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-700';
  return (
    <nav aria-label="Pagination" className="mt-3 flex gap-2">
      {page > 1 && (
        <Link className={link} href={`?${param}=${page - 1}`}>
          Previous
        </Link>
      )}
      <span className="px-2 py-1 text-sm">Page {page}</span>
      {hasNext && (
        <Link className={link} href={`?${param}=${page + 1}`}>
          Next
        </Link>
      )}
    </nav>
  );
}
