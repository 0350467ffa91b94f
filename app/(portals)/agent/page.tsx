import type { Metadata } from 'next';
import Link from 'next/link';
import { LiveTasks } from '@/components/dashboards/live-tasks';
import { PriorityBadge, SlaBadge } from '@/components/workflow/sla';
import { myTasks } from '@/lib/domain/workflow/task-queries';
import { requirePortal } from '@/lib/server/session';

const PRIORITIES = ['Critical', 'High', 'Medium', 'Low'];
const H = 3_600_000;

type Bucket = 'overdue' | 'soon' | 'today' | 'later' | 'none';
const BUCKETS: { id: Bucket; title: string; empty: string }[] = [
  { id: 'overdue', title: 'Overdue', empty: 'Nothing overdue.' },
  { id: 'soon', title: 'Due within 8 hours', empty: 'Nothing due in the next 8 hours.' },
  { id: 'today', title: 'Due within a day', empty: 'Nothing else due today.' },
  { id: 'later', title: 'Due later', empty: 'Nothing due later.' },
  { id: 'none', title: 'No due date', empty: 'Every task has a due date.' },
];

function bucketOf(due: string | null, now: number): Bucket {
  if (!due) return 'none';
  const left = new Date(due).getTime() - now;
  if (left <= 0) return 'overdue';
  if (left <= 8 * H) return 'soon';
  if (left <= 24 * H) return 'today';
  return 'later';
}

export const metadata: Metadata = { title: 'Dashboard' };

export default async function AgentHome() {
  const actor = await requirePortal('agent');
  const open = await myTasks(actor, { page: 1, page_size: 100, tab: 'active' });
  const tasks = open.results;
  const now = Date.now();
  const due = (t: (typeof tasks)[number]) => t.step_sla?.target_resolution ?? t.target_resolution;
  const grouped = new Map<Bucket, typeof tasks>(BUCKETS.map((b) => [b.id, []]));
  for (const t of tasks) grouped.get(bucketOf(due(t), now))?.push(t);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Welcome, {actor.name}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          <span data-testid="open-count">
            {open.count} open task{open.count === 1 ? '' : 's'}
          </span>{' '}
          assigned to you.{' '}
          <Link className="underline" href="/agent/tasks">
            All my tasks
          </Link>{' '}
          · <LiveTasks />
        </p>
      </div>
      <section aria-labelledby="by-priority">
        <h2 id="by-priority" className="mb-2 text-lg font-semibold">
          Open tasks by priority
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {PRIORITIES.map((p) => (
            <li key={p} className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
              <Link href={`/agent/tasks?priority=${p}`} className="block focus-visible:outline-2">
                <div className="text-sm text-slate-600 dark:text-slate-400">{p}</div>
                <div className="text-2xl font-semibold">{tasks.filter((t) => t.priority === p).length}</div>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="by-due" className="space-y-4">
        <h2 id="by-due" className="text-lg font-semibold">
          My open work by due time
        </h2>
        {tasks.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500 dark:border-slate-700">
            No open work. New assignments appear here as they arrive.
          </p>
        ) : (
          BUCKETS.map((b) => {
            const list = grouped.get(b.id) ?? [];
            if (list.length === 0 && (b.id === 'none' || b.id === 'later')) return null;
            return (
              <section key={b.id} aria-labelledby={`due-${b.id}`}>
                <h3 id={`due-${b.id}`} className="mb-2 font-semibold">
                  {b.title} ({list.length})
                </h3>
                {list.length === 0 ? (
                  <p className="text-sm text-slate-500">{b.empty}</p>
                ) : (
                  <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
                    {list.map((t) => (
                      <li key={t.task_item_id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                        <Link href={`/agent/tasks/${t.task_id}`} className="font-medium underline-offset-2 hover:underline">
                          {t.ticket_number} · {t.ticket_subject}
                        </Link>
                        <span className="text-sm text-slate-500">{t.step_name}</span>
                        <PriorityBadge priority={t.priority} />
                        <SlaBadge sla={t.step_sla ?? t} />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })
        )}
        {open.count > tasks.length ? (
          <p className="text-sm text-slate-500">
            Showing the {tasks.length} due first.{' '}
            <Link className="underline" href="/agent/tasks">
              See all {open.count}
            </Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
