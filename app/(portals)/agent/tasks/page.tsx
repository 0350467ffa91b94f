import type { Metadata } from 'next';
import Link from 'next/link';
import { Pager } from '@/components/ui/pager';
import { PriorityBadge, SlaBadge } from '@/components/workflow/sla';
import type { TaskListQuery } from '@/lib/domain/workflow/schemas';
import { myTasks } from '@/lib/domain/workflow/task-queries';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'My tasks' };

const TABS = ['All', 'Critical', 'High', 'Medium', 'Low'];

export default async function MyTasksPage({
  searchParams,
}: {
  searchParams: Promise<{ priority?: string; search?: string; page?: string; tab?: string }>;
}) {
  const actor = await requirePortal('agent');
  const sp = await searchParams;
  const priority = TABS.includes(sp.priority ?? '') && sp.priority !== 'All' ? sp.priority : undefined;
  const tab = sp.tab === 'inactive' ? 'inactive' : 'active';
  const page = Math.max(1, Number(sp.page) || 1);
  const data = await myTasks(actor, {
    page,
    page_size: 10,
    tab,
    priority: priority?.toLowerCase() as TaskListQuery['priority'],
    search: sp.search || undefined,
  });
  const href = (o: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    const merged = { priority, search: sp.search, tab, ...o };
    for (const [k, v] of Object.entries(merged)) if (v) q.set(k, v);
    return `/agent/tasks?${q.toString()}`;
  };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">My tasks</h1>
      <nav aria-label="Open or finished" className="flex gap-2 text-sm">
        {(['active', 'inactive'] as const).map((t) => (
          <Link
            key={t}
            href={href({ tab: t, page: undefined })}
            aria-current={tab === t ? 'page' : undefined}
            className={tab === t ? 'font-semibold underline' : 'text-slate-600'}
          >
            {t === 'active' ? 'Open' : 'Finished'}
          </Link>
        ))}
      </nav>
      <nav aria-label="Priority" className="flex flex-wrap gap-2">
        {TABS.map((p) => {
          const active = (priority ?? 'All') === p;
          return (
            <Link
              key={p}
              href={href({ priority: p === 'All' ? undefined : p, page: undefined })}
              aria-current={active ? 'page' : undefined}
              className={`rounded-full px-3 py-1 text-sm ring-1 ring-inset ${active ? 'bg-brand-600 text-white ring-brand-600' : 'ring-slate-300 dark:ring-slate-700'}`}
            >
              {p}
            </Link>
          );
        })}
      </nav>
      <form className="flex gap-2" aria-label="Search and filter" action="/agent/tasks">
        <input type="hidden" name="tab" value={tab} />
        {priority && <input type="hidden" name="priority" value={priority} />}
        <label htmlFor="search" className="sr-only">
          Search tasks
        </label>
        <input
          id="search"
          name="search"
          defaultValue={sp.search ?? ''}
          placeholder="Search ticket number, subject…"
          className="h-9 w-72 rounded-md border border-slate-300 px-3 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <button type="submit" className="h-9 rounded-md border border-slate-300 px-3 text-sm dark:border-slate-700">
          Search
        </button>
      </form>
      {data.results.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500">No tasks here.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {data.results.map((t) => (
            <li key={t.task_item_id} className="flex flex-wrap items-center gap-3 px-4 py-3">
              <Link href={`/agent/tasks/${t.task_id}`} className="font-medium underline-offset-2 hover:underline">
                {t.ticket_number} · {t.ticket_subject}
              </Link>
              <span className="text-sm text-slate-500">
                {t.step_name} · {t.task_item_status}
              </span>
              <PriorityBadge priority={t.priority} />
              <SlaBadge sla={t.step_sla ?? t} />
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} count={data.count} pageSize={10} href={(p) => href({ page: String(p) })} />
    </div>
  );
}
