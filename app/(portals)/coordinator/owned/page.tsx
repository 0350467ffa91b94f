import type { Metadata } from 'next';
import Link from 'next/link';
import { Pager } from '@/components/ui/pager';
import { PriorityBadge, SlaBadge } from '@/components/workflow/sla';
import { SLA_DUE_SOON_PERCENT } from '@/lib/domain/sla/settings';
import type { OwnedTicketsQuery } from '@/lib/domain/workflow/schemas';
import { ownedTickets } from '@/lib/domain/workflow/task-queries';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Owned tickets' };

const PRIORITIES = ['Critical', 'High', 'Medium', 'Low'];
const SLAS: Record<string, string> = {
  breached: 'Breached',
  at_risk: `Due soon or at risk (${SLA_DUE_SOON_PERCENT} % of the time used)`,
  on_track: 'On track',
};

export default async function OwnedPage({
  searchParams,
}: {
  searchParams: Promise<{
    tab?: string;
    search?: string;
    priority?: string;
    sla?: string;
    page?: string;
    completed_after?: string;
  }>;
}) {
  const actor = await requirePortal('coordinator');
  const sp = await searchParams;
  const tab = sp.tab === 'inactive' ? 'inactive' : 'active';
  const page = Math.max(1, Number(sp.page) || 1);
  const priority = PRIORITIES.includes(sp.priority ?? '') ? sp.priority : undefined;
  const sla = sp.sla && sp.sla in SLAS ? (sp.sla as OwnedTicketsQuery['sla']) : undefined;
  const completedAfter = sp.completed_after && !Number.isNaN(Date.parse(sp.completed_after)) ? sp.completed_after : undefined;
  const data = await ownedTickets(actor, {
    tab,
    page,
    page_size: 10,
    search: sp.search || undefined,
    priority: priority?.toLowerCase() as OwnedTicketsQuery['priority'],
    sla,
    completed_after: completedAfter ? new Date(completedAfter) : undefined,
  });
  const href = (o: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ tab, search: sp.search, priority, sla, completed_after: completedAfter, ...o }))
      if (v) q.set(k, v);
    return `/coordinator/owned?${q.toString()}`;
  };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Owned tickets</h1>
      {completedAfter ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Resolved since {new Date(completedAfter).toUTCString().slice(0, 16)} ·{' '}
          <Link href={href({ completed_after: undefined, page: undefined })} className="underline">
            show all
          </Link>
        </p>
      ) : null}
      <nav aria-label="Active or inactive" className="flex gap-3 text-sm">
        {(['active', 'inactive'] as const).map((t) => (
          <Link
            key={t}
            href={href({ tab: t, page: undefined })}
            aria-current={tab === t ? 'page' : undefined}
            className={tab === t ? 'font-semibold underline' : 'text-slate-600'}
          >
            {t === 'active' ? 'Active' : 'Inactive'}
          </Link>
        ))}
      </nav>
      <form className="flex flex-wrap items-end gap-2" aria-label="Search and filter" action="/coordinator/owned">
        <input type="hidden" name="tab" value={tab} />
        {completedAfter ? <input type="hidden" name="completed_after" value={completedAfter} /> : null}
        <div>
          <label htmlFor="search" className="block text-xs text-slate-500">
            Search
          </label>
          <input
            id="search"
            name="search"
            defaultValue={sp.search ?? ''}
            placeholder="Number, subject…"
            className="h-9 w-64 rounded-md border border-slate-300 px-3 text-sm dark:border-slate-700 dark:bg-slate-900"
          />
        </div>
        <div>
          <label htmlFor="priority" className="block text-xs text-slate-500">
            Priority
          </label>
          <select
            id="priority"
            name="priority"
            defaultValue={priority ?? ''}
            className="h-9 rounded-md border border-slate-300 px-2 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            <option value="">Any</option>
            {PRIORITIES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sla" className="block text-xs text-slate-500">
            SLA
          </label>
          <select
            id="sla"
            name="sla"
            defaultValue={sla ?? ''}
            className="h-9 rounded-md border border-slate-300 px-2 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            <option value="">Any</option>
            {Object.entries(SLAS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="h-9 rounded-md border border-slate-300 px-3 text-sm dark:border-slate-700">
          Apply
        </button>
      </form>
      {data.results.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500">
          No owned tickets match.
        </p>
      ) : (
        <div className="relative max-w-full overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
            <thead>
              <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                <th className="px-3 py-2">Ticket</th>
                <th className="px-3 py-2">Priority</th>
                <th className="px-3 py-2">Step</th>
                <th className="px-3 py-2">Assigned to</th>
                <th className="px-3 py-2">Status</th>
                <th className="px-3 py-2">SLA</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {data.results.map((t) => (
                <tr key={t.task_id}>
                  <td className="px-3 py-2">
                    <Link
                      href={`/coordinator/owned/${t.ticket_number}`}
                      className="font-medium underline-offset-2 hover:underline"
                    >
                      {t.ticket_number}
                    </Link>
                    <div className="text-slate-600 dark:text-slate-400">{t.ticket_subject}</div>
                  </td>
                  <td className="px-3 py-2">
                    <PriorityBadge priority={t.priority} />
                  </td>
                  <td className="px-3 py-2">{t.current_step}</td>
                  <td className="px-3 py-2">{t.assigned_to ?? '—'}</td>
                  <td className="px-3 py-2">{t.status.replace('_', ' ')}</td>
                  <td className="px-3 py-2">
                    <SlaBadge sla={t} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} count={data.count} pageSize={10} href={(p) => href({ page: String(p) })} />
    </div>
  );
}
