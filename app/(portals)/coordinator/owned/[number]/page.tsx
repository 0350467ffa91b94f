import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TicketPresence } from '@/components/helpdesk/ticket-presence';
import { TicketArticles } from '@/components/knowledge/ticket-articles';
import { ConversationPanel } from '@/components/messaging/conversation-panel';
import { LiveRefresh } from '@/components/realtime/live-refresh';
import { SlaTimeline } from '@/components/sla/sla-timeline';
import { Time } from '@/components/ui/time';
import { OwnerActions } from '@/components/workflow/owner-actions';
import { PriorityBadge, SlaBadge, SlaBar } from '@/components/workflow/sla';
import { TicketAttachments } from '@/components/workflow/ticket-attachments';
import { WorkflowDiagram } from '@/components/workflow/workflow-diagram';
import { AppError } from '@/lib/domain/errors';
import { isKnowledgeEditor } from '@/lib/domain/knowledge/policy';
import { ownershipOptions } from '@/lib/domain/workflow/actions';
import { assignmentStatusLabel, originLabel } from '@/lib/domain/workflow/labels';
import { taskSlaTimeline } from '@/lib/domain/workflow/sla-timeline';
import { getTask, listTasks, workflowVisualization } from '@/lib/domain/workflow/task-queries';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Owned ticket' };

export default async function OwnedTicketPage({ params }: { params: Promise<{ number: string }> }) {
  const actor = await requirePortal('coordinator');
  const number = (await params).number;
  if (!/^TX\d{14}$/.test(number)) notFound();
  const page = await listTasks(actor, { page: 1, page_size: 1, ticket_number: number });
  const task = page.results[0];
  if (!task) notFound();
  // The task with its attachments and the log of every assignment.
  let detail: Awaited<ReturnType<typeof getTask>>;
  try {
    detail = await getTask(actor, task.task_id);
  } catch (e) {
    if (e instanceof AppError && e.status === 404) notFound();
    throw e;
  }
  const [ownership, viz, timeline] = await Promise.all([
    ownershipOptions(actor, task),
    workflowVisualization(actor, { task_id: task.task_id }),
    taskSlaTimeline(actor, task.task_id),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">
          {task.ticket_number} · {task.workflow_name}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{task.ticket_subject}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <PriorityBadge priority={task.priority} />
          <SlaBadge sla={task} />
          <span className="text-sm">Status: {task.status.replace('_', ' ')}</span>
          <span className="text-sm">Current step: {task.current_step ?? '—'}</span>
          <span className="text-sm">Assigned to: {task.assigned_to ?? '—'}</span>
          {task.is_escalated && <span className="text-sm font-medium">Escalated</span>}
          {task.is_transferred && <span className="text-sm font-medium">Transferred</span>}
        </div>
      </div>
      <TicketPresence ticketNumber={task.ticket_number} currentUserId={actor.id} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section
            aria-labelledby="details"
            className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
          >
            <h2 id="details" className="mb-2 text-lg font-semibold">
              Details
            </h2>
            <p className="whitespace-pre-wrap text-sm">{task.ticket_description}</p>
            <dl className="mt-3 grid grid-cols-2 gap-2 text-sm [&_dd]:min-w-0 [&_dd]:[overflow-wrap:anywhere]">
              <dt className="text-slate-500">Requester</dt>
              <dd>{task.employee.name}</dd>
              <dt className="text-slate-500">Department / category</dt>
              <dd>
                {task.department} / {task.category}
                {task.sub_category ? ` / ${task.sub_category}` : ''}
              </dd>
              <dt className="text-slate-500">Help-desk status</dt>
              <dd>{task.hdts_status}</dd>
              <dt className="text-slate-500">Owner</dt>
              <dd>{task.owner_name ?? '—'}</dd>
            </dl>
          </section>
          <TicketAttachments attachments={detail.attachments} />
          <section aria-labelledby="progress">
            <h2 id="progress" className="mb-2 text-lg font-semibold">
              Workflow progress
            </h2>
            <WorkflowDiagram nodes={viz.nodes} edges={viz.edges} />
          </section>
          <section aria-labelledby="log">
            <h2 id="log" className="mb-2 text-lg font-semibold">
              Workflow log
            </h2>
            <ol className="space-y-3">
              {detail.history.map((l) => (
                <li key={l.task_item_id} className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800">
                  <div className="font-medium">
                    {l.assigned_on_step_name} · {l.user_full_name ?? `User ${l.user_id}`} ({l.role ?? 'role'}) ·{' '}
                    {assignmentStatusLabel(l.status)}, {originLabel(l.origin)}
                  </div>
                  <ul className="mt-1 text-xs text-slate-500">
                    {l.task_history.map((h) => (
                      <li key={h.task_item_history_id}>
                        <Time value={h.created_at} /> — {assignmentStatusLabel(h.status)}
                        {h.notes ? `: ${h.notes}` : ''}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </section>
        </div>
        <aside className="space-y-6">
          <section className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <SlaBar start={task.started_at} sla={task} label="Ticket SLA" business={timeline} />
          </section>
          <SlaTimeline timeline={timeline} at={Date.now()} />
          <section
            aria-labelledby="ownership"
            className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
          >
            <h2 id="ownership" className="mb-3 text-lg font-semibold">
              Ownership
            </h2>
            <OwnerActions
              ticketNumber={number}
              ownerId={task.owner_id}
              canEscalate={ownership.canEscalate}
              canTransfer={ownership.canTransfer}
              coordinators={ownership.coordinators}
            />
          </section>
          <TicketArticles
            ticket={number}
            draftHref={
              isKnowledgeEditor(actor) && ['Resolved', 'Closed'].includes(task.hdts_status ?? '')
                ? `/coordinator/knowledge/new?from_ticket=${number}`
                : null
            }
          />
        </aside>
      </div>
      <ConversationPanel
        portal="coordinator"
        ticketNumber={number}
        source="comments"
        visibility="public"
        currentUserId={actor.id}
        canPostInternal
        title="Conversation with the requester"
      />
      <ConversationPanel
        portal="coordinator"
        ticketNumber={number}
        source="messages"
        currentUserId={actor.id}
        title="Internal conversation (staff only)"
      />
      <LiveRefresh ticketNumber={number} />
    </div>
  );
}
