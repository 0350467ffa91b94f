import Link from 'next/link';
import { PriorityBadge, SlaBadge } from '@/components/workflow/sla';
import { myTasks } from '@/lib/domain/workflow/task-queries';
import { requirePortal } from '@/lib/server/session';

const PRIORITIES = ['Critical', 'High', 'Medium', 'Low'];

export default async function AgentHome() {
  const actor = await requirePortal('agent');
  const open = await myTasks(actor, { page: 1, page_size: 100, tab: 'active' });
  const tasks = open.results;
  // the one clock's state (80 % warning, 90 % at risk, 100 % breached) of each assignment's step
  const stateOf = (t: (typeof tasks)[number]) => (t.step_sla ?? t).sla_state;
  const breached = tasks.filter((t) => stateOf(t) === 'breached');
  const dueSoon = tasks.filter((t) => stateOf(t) === 'warning' || stateOf(t) === 'at_risk');
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Welcome, {actor.name}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {open.count} open task{open.count === 1 ? '' : 's'} assigned to you.{' '}
          <Link className="underline" href="/agent/tasks">
            All my tasks
          </Link>
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
      {[
        { id: 'breached', title: 'SLA breached', list: breached, empty: 'Nothing breached.' },
        { id: 'due-soon', title: 'Due soon or at risk', list: dueSoon, empty: 'Nothing due soon.' },
      ].map((s) => (
        <section key={s.id} aria-labelledby={s.id}>
          <h2 id={s.id} className="mb-2 text-lg font-semibold">
            {s.title} ({s.list.length})
          </h2>
          {s.list.length === 0 ? (
            <p className="text-sm text-slate-500">{s.empty}</p>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
              {s.list.map((t) => (
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
      ))}
    </div>
  );
}
