import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TicketPresence } from '@/components/helpdesk/ticket-presence';
import { TicketArticles } from '@/components/knowledge/ticket-articles';
import { ConversationPanel } from '@/components/messaging/conversation-panel';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { SlaTimeline } from '@/components/sla/sla-timeline';
import { Time } from '@/components/ui/time';
import { PriorityBadge, SlaBadge, SlaBar } from '@/components/workflow/sla';
import { TaskActions } from '@/components/workflow/task-actions';
import { TicketAttachments } from '@/components/workflow/ticket-attachments';
import { WorkflowDiagram } from '@/components/workflow/workflow-diagram';
import { AppError } from '@/lib/domain/errors';
import { isKnowledgeEditor } from '@/lib/domain/knowledge/policy';
import { availableActions, transferCandidates } from '@/lib/domain/workflow/actions';
import { assignmentStatusLabel, originLabel } from '@/lib/domain/workflow/labels';
import { taskSlaTimeline } from '@/lib/domain/workflow/sla-timeline';
import { getTask, workflowVisualization } from '@/lib/domain/workflow/task-queries';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Task' };

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePortal('agent');
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id < 1) notFound();
  let task: Awaited<ReturnType<typeof getTask>>;
  try {
    task = await getTask(actor, id);
  } catch (e) {
    if (e instanceof AppError && (e.status === 404 || e.status === 403)) notFound();
    throw e;
  }
  const [actions, viz, timeline] = await Promise.all([
    availableActions(actor, id),
    workflowVisualization(actor, { task_id: id }),
    taskSlaTimeline(actor, id),
  ]);
  const current = task.history.find((h) => h.task_item_id === actions.task_item_id);
  const transferTargets = await transferCandidates(actor, current);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">
          {task.ticket_number} · {task.workflow_name} v{task.version}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{task.ticket_subject}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <PriorityBadge priority={task.priority} />
          <SlaBadge sla={task} />
          <span className="text-sm text-slate-600 dark:text-slate-400">Status: {task.status.replace('_', ' ')}</span>
        </div>
      </div>
      <TicketPresence ticketNumber={task.ticket_number} currentUserId={actor.id} />
      {/* The actions come first (on a phone: right under the title); from lg up they head the right column. */}
      <div className="grid gap-6 lg:grid-cols-3 lg:grid-rows-[auto_1fr]">
        <section
          aria-labelledby="actions"
          className="min-w-0 self-start rounded-xl lg:col-start-3 lg:row-start-1 border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 id="actions" className="mb-3 text-lg font-semibold">
            Actions
          </h2>
          {actions.can_act && actions.task_item_id ? (
            <TaskActions
              taskItemId={actions.task_item_id}
              actions={actions.available_actions}
              transferTargets={transferTargets}
            />
          ) : (
            <p className="text-sm text-slate-500">No action is open for you on this task.</p>
          )}
        </section>
        <div className="min-w-0 space-y-6 lg:col-span-2 lg:col-start-1 lg:row-span-2 lg:row-start-1">
          <section
            aria-labelledby="ticket"
            className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
          >
            <h2 id="ticket" className="mb-2 text-lg font-semibold">
              Ticket
            </h2>
            <p className="whitespace-pre-wrap text-sm">{task.ticket_description}</p>
            <dl className="mt-3 grid grid-cols-2 gap-2 text-sm [&_dd]:min-w-0 [&_dd]:[overflow-wrap:anywhere]">
              <dt className="text-slate-500">Requester</dt>
              <dd>
                {task.employee.name} ({task.employee.email})
              </dd>
              <dt className="text-slate-500">Department</dt>
              <dd>{task.department}</dd>
              <dt className="text-slate-500">Category</dt>
              <dd>
                {task.category}
                {task.sub_category ? ` / ${task.sub_category}` : ''}
              </dd>
              <dt className="text-slate-500">Owner</dt>
              <dd>{task.owner_name ?? '—'}</dd>
            </dl>
          </section>
          <TicketAttachments attachments={task.attachments} />
          <section aria-labelledby="progress">
            <h2 id="progress" className="mb-2 text-lg font-semibold">
              Workflow progress
            </h2>
            <WorkflowDiagram nodes={viz.nodes} edges={viz.edges} />
          </section>
          <section aria-labelledby="log">
            <h2 id="log" className="mb-2 text-lg font-semibold">
              Action log
            </h2>
            <ol className="space-y-3">
              {task.history.map((h) => (
                <li key={h.task_item_id} className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800">
                  <div className="font-medium">
                    {h.assigned_on_step_name} · {h.user_full_name ?? `User ${h.user_id}`} · {assignmentStatusLabel(h.status)} (
                    {originLabel(h.origin)})
                  </div>
                  <div className="text-xs text-slate-500">
                    Assigned <Time value={h.assigned_on} />
                    {h.acted_on ? (
                      <>
                        {' '}
                        · acted <Time value={h.acted_on} />
                      </>
                    ) : null}
                  </div>
                  {h.notes && <p className="mt-1 whitespace-pre-wrap">{h.notes}</p>}
                </li>
              ))}
            </ol>
          </section>
        </div>
        <aside className="min-w-0 space-y-6 lg:col-start-3 lg:row-start-2">
          <section
            aria-labelledby="step"
            className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
          >
            <h2 id="step" className="text-lg font-semibold">
              Current step: {task.current_step ?? '—'}
            </h2>
            <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700 dark:text-slate-300">
              {task.instruction || 'No instruction for this step.'}
            </p>
            <div className="mt-4 space-y-3">
              <SlaBar start={task.started_at} sla={task} label="Ticket SLA" business={timeline} />
              {current && task.step_sla && (
                <SlaBar start={current.assigned_on} sla={task.step_sla} label="This step" business={timeline} />
              )}
            </div>
          </section>
          <SlaTimeline timeline={timeline} at={Date.now()} />
          <TicketArticles
            ticket={task.ticket_number}
            draftHref={
              isKnowledgeEditor(actor) && ['Resolved', 'Closed'].includes(task.hdts_status ?? '')
                ? `/agent/knowledge/new?from_ticket=${task.ticket_number}`
                : null
            }
          />
        </aside>
      </div>
      <ConversationPanel
        portal="agent"
        ticketNumber={task.ticket_number}
        source="comments"
        visibility="public"
        currentUserId={actor.id}
        canPostInternal
        title="Conversation with the requester"
      />
      <ConversationPanel
        portal="agent"
        ticketNumber={task.ticket_number}
        source="messages"
        currentUserId={actor.id}
        title="Internal conversation (staff only)"
      />
      <LiveRefresh ticketNumber={task.ticket_number} />
    </div>
  );
}
