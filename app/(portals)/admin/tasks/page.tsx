import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { FilterProblem } from '@/components/ui/filter-problem';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { Pager } from '@/components/ui/pager';
import { EmptyRow, Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { PriorityBadge, SlaBadge } from '@/components/workflow/sla';
import { TaskRowActions } from '@/components/workflow/task-row-actions';
import { AppError } from '@/lib/domain/errors';
import { allTasks, allTasksFilterOptions, rowTransferOptions } from '@/lib/domain/workflow/all-tasks';
import { allTasksQuery } from '@/lib/domain/workflow/schemas';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'All tasks' };

const PAGE_SIZE = 20;
const FILTERS = ['search', 'status', 'workflow_id', 'step_id', 'assigned_user', 'sla'] as const;
const STATUS_LABEL: Record<string, string> = {
  active: 'Open (waiting or in progress)',
  pending: 'Waiting',
  in_progress: 'In progress',
  completed: 'Completed',
  closed: 'Closed',
};
const SLA_LABEL: Record<string, string> = { on_track: 'On track', at_risk: 'At risk', breached: 'Breached' };

export default async function AllTasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePortal('admin');
  const sp = await searchParams;
  const values: Record<string, string> = {};
  for (const k of [...FILTERS, 'page']) {
    const v = Array.isArray(sp[k]) ? sp[k][0] : sp[k];
    if (v?.trim()) values[k] = v.trim();
  }
  const parsed = allTasksQuery.safeParse({ ...values, page_size: PAGE_SIZE });
  let problem = parsed.success ? null : parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join(' · ');
  let tasks: Awaited<ReturnType<typeof allTasks>> | null = null;
  if (parsed.success) {
    try {
      tasks = await allTasks(actor, parsed.data);
    } catch (e) {
      if (!(e instanceof AppError) || e.status !== 400) throw e;
      problem = Object.values((e.details ?? {}) as Record<string, string[]>)
        .flat()
        .join(' · ');
    }
  }
  const [options, row] = await Promise.all([allTasksFilterOptions(actor), rowTransferOptions(actor, tasks?.results ?? [])]);
  const page = parsed.success ? parsed.data.page : 1;
  const href = (p: number) => {
    const q = new URLSearchParams(Object.entries(values).filter(([k]) => k !== 'page'));
    q.set('page', String(p));
    return `/admin/tasks?${q}`;
  };
  const wf = values.workflow_id ? Number(values.workflow_id) : null;
  const steps = options.steps.filter((s) => !wf || s.workflow_id === wf);
  const cols = 8;
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">All tasks</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Every ticket&apos;s workflow work, soonest due first.{' '}
          {tasks ? `${tasks.count} task${tasks.count === 1 ? '' : 's'} match.` : ''}
        </p>
      </div>
      <search>
        <form action="/admin/tasks" method="get" className="flex flex-wrap items-end gap-2" aria-label="Task filters">
          <div className="min-w-52 flex-1">
            <label htmlFor="t-search" className="mb-1 block text-xs font-medium">
              Search
            </label>
            <Input
              id="t-search"
              name="search"
              type="search"
              placeholder="Subject, description or TX number"
              defaultValue={values.search ?? ''}
            />
          </div>
          <Select id="t-status" name="status" label="Status" value={values.status} any="Any status">
            {Object.entries(STATUS_LABEL).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
          <Select id="t-workflow" name="workflow_id" label="Workflow" value={values.workflow_id} any="Any workflow">
            {options.workflows.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </Select>
          <Select id="t-step" name="step_id" label="Step" value={values.step_id} any="Any step">
            {steps.map((s) => (
              <option key={s.id} value={s.id}>
                {wf ? s.name : `${s.workflow_name} · ${s.name}`}
              </option>
            ))}
          </Select>
          <Select id="t-assignee" name="assigned_user" label="Assignee" value={values.assigned_user} any="Anyone">
            {options.assignees.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
          <Select id="t-sla" name="sla" label="SLA" value={values.sla} any="Any SLA state">
            {Object.entries(SLA_LABEL).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
          <Button type="submit" variant="secondary">
            Apply
          </Button>
          <Link href="/admin/tasks" className="px-2 text-sm text-slate-600 underline dark:text-slate-400">
            Clear
          </Link>
        </form>
      </search>
      {problem && <FilterProblem>These filters cannot be used: {problem}.</FilterProblem>}
      <Table aria-label="Tasks">
        <THead>
          <tr>
            <TH>Ticket</TH>
            <TH>Workflow · step</TH>
            <TH>Priority</TH>
            <TH>Status</TH>
            <TH>Assignee</TH>
            <TH>Owner</TH>
            <TH>SLA</TH>
            <TH>
              <span className="sr-only">Actions</span>
            </TH>
          </tr>
        </THead>
        <TBody>
          {tasks && tasks.results.length === 0 && (
            <EmptyRow colSpan={cols}>
              {Object.keys(values).some((k) => k !== 'page') ? (
                <>
                  No task matches these filters.{' '}
                  <a className="text-brand-700 underline dark:text-brand-100" href="/admin/tasks">
                    Clear the filters
                  </a>
                </>
              ) : (
                'No tasks yet: they appear when a ticket is approved and a workflow takes it.'
              )}
            </EmptyRow>
          )}
          {tasks?.results.map((t) => (
            <TR key={t.task_id} data-testid={`task-row-${t.ticket_number}`}>
              <TD>
                <div className="font-mono text-xs">{t.ticket_number}</div>
                <div className="font-medium">{t.ticket_subject}</div>
              </TD>
              <TD>
                <div>{t.workflow_name}</div>
                <div className="text-xs text-slate-500">{t.current_step ?? '—'}</div>
              </TD>
              <TD>
                <PriorityBadge priority={t.priority} />
              </TD>
              <TD>{STATUS_LABEL[t.status] ?? t.status}</TD>
              <TD data-testid="assignee">{t.assigned_to ?? '—'}</TD>
              <TD>{t.owner_name ?? '—'}</TD>
              <TD>{t.status === 'pending' || t.status === 'in_progress' ? <SlaBadge sla={t} /> : '—'}</TD>
              <TD>
                {row.canTransfer && t.task_item_id ? (
                  <TaskRowActions
                    taskItemId={t.task_item_id}
                    ticketNumber={t.ticket_number}
                    assignee={t.assigned_to}
                    targets={row.targets[t.task_item_id] ?? []}
                    selfId={actor.id}
                    isMine={t.assigned_user === actor.id}
                  />
                ) : null}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {tasks && <Pager page={page} count={tasks.count} pageSize={PAGE_SIZE} href={href} />}
    </div>
  );
}

function Select({
  id,
  name,
  label,
  value,
  any,
  children,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  any: string;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium">
        {label}
      </label>
      <NativeSelect id={id} name={name} defaultValue={value ?? ''}>
        <option value="">{any}</option>
        {children}
      </NativeSelect>
    </div>
  );
}
