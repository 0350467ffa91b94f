import { Check } from 'lucide-react';
import type { ReactNode } from 'react';
import { MarkdownText } from '@/components/markdown/markdown-text';
import { SlaCountdown } from '@/components/sla/sla-countdown';
import { Time } from '@/components/ui/time';
import type { TicketDetail } from '@/lib/domain/helpdesk/queries';
import { AttachmentList } from './attachment-list';
import { PriorityBadge, StatusBadge } from './badges';

const STEPS = ['New', 'Open', 'In Progress', 'Resolved', 'Closed'];

/** New → Open → In Progress → Resolved → Closed; Rejected and Withdrawn end the track early. */
export function ProgressTracker({ status }: { status: string }) {
  const ended = status === 'Rejected' || status === 'Withdrawn';
  const index = STEPS.indexOf(status === 'On Hold' ? 'In Progress' : status);
  return (
    <ol aria-label="Ticket progress" className="flex flex-wrap items-center gap-2 text-sm">
      {STEPS.map((s, i) => {
        const done = !ended && i < index;
        const current = !ended && i === index;
        return (
          <li key={s} className="flex items-center gap-2" aria-current={current ? 'step' : undefined}>
            <span
              className={`flex h-6 w-6 items-center justify-center rounded-full border text-xs ${done ? 'border-green-600 bg-green-600 text-white' : current ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 text-slate-500'}`}
            >
              {done ? <Check className="h-3.5 w-3.5" aria-hidden /> : i + 1}
            </span>
            <span className={current ? 'font-semibold' : 'text-slate-600 dark:text-slate-400'}>
              {s}
              {current && status === 'On Hold' ? ' (on hold)' : ''}
              {done ? <span className="sr-only"> (done)</span> : null}
            </span>
            {i < STEPS.length - 1 && <span className="h-px w-6 bg-slate-300" aria-hidden />}
          </li>
        );
      })}
      {ended && (
        <li className="ml-2">
          <StatusBadge status={status} />
        </li>
      )}
    </ol>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-1.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2">{children}</dd>
    </div>
  );
}

/** `dueSoonPercent`: the installation's "Due soon" share (lib/domain/sla/settings.ts), read by the page. */
export function TicketDetails({ t, dueSoonPercent }: { t: TicketDetail; dueSoonPercent: number }) {
  // rendered on the server: the countdown's first paint uses this instant, then ticks in the browser
  const at = Date.now();
  return (
    <section
      aria-labelledby="details"
      className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="details" className="mb-2 font-semibold">
        Details
      </h2>
      <dl className="divide-y divide-slate-100 dark:divide-slate-800">
        <Row label="Status">
          <StatusBadge status={t.status} />
        </Row>
        <Row label="Priority">
          <PriorityBadge priority={t.priority} />
        </Row>
        <Row label="Category">
          {t.category}
          {t.sub_category ? ` / ${t.sub_category}` : ''}
        </Row>
        <Row label="Department">{t.department ?? '—'}</Row>
        <Row label="Requester">{t.employee.name ?? '—'}</Row>
        <Row label="Ticket owner">{t.ticket_owner_name ?? 'Not assigned yet'}</Row>
        <Row label="Submitted">
          <Time value={t.created_at} />
        </Row>
        {t.response_due_at && (
          <Row label="Response due">
            <Time value={t.response_due_at} />
          </Row>
        )}
        {t.resolution_due_at && (
          <Row label="Resolution due">
            <span data-testid="resolution-due">
              <Time value={t.resolution_due_at} />
            </span>{' '}
            <SlaCountdown
              testId="resolution-sla"
              startedAt={t.sla_started_at}
              dueAt={t.resolution_due_at}
              stoppedAt={t.sla_stopped_at}
              dueSoonAt={t.sla_due_soon_at}
              atRiskAt={t.sla_at_risk_at}
              pausedBy={t.sla_paused_by}
              at={at}
              dueSoonPercent={dueSoonPercent}
            />
          </Row>
        )}
        {t.time_closed && (
          <Row label="Closed">
            <Time value={t.time_closed} />
          </Row>
        )}
        {t.csat_rating && (
          <Row label="Your rating">
            {t.csat_rating} of 5{t.csat_feedback ? ` — “${t.csat_feedback}”` : ''}
          </Row>
        )}
      </dl>
    </section>
  );
}

/** The ticket's files with their sizes. */
export function Attachments({ t }: { t: TicketDetail }) {
  return (
    <section aria-labelledby="attachments">
      <h2 id="attachments" className="mb-2 font-semibold">
        Attachments
      </h2>
      <AttachmentList
        attachments={t.attachments.map(({ id, filename, url, size, mime_type }) => ({
          id,
          filename,
          url,
          size,
          content_type: mime_type,
        }))}
      />
    </section>
  );
}

export type TicketComment = TicketDetail['comments'][number];

export function Comments({ t }: { t: TicketDetail }) {
  return <CommentList comments={t.comments} />;
}

/** The ticket's comments as the ticket pages show them (also rendered live by LiveComments). */
export function CommentList({
  comments,
  live,
  before,
}: {
  comments: TicketComment[];
  live?: boolean;
  /** Shown above the list (e.g. "Show earlier comments"). */
  before?: ReactNode;
}) {
  return (
    <section aria-labelledby="comments" data-live={live ? 'joined' : undefined}>
      <h2 id="comments" className="mb-2 font-semibold">
        Comments
      </h2>
      {before}
      {comments.length ? (
        <ul className="space-y-3">
          {comments.map((c) => (
            <li
              key={c.id}
              className={`rounded-lg border p-3 text-sm ${c.is_internal ? 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950' : 'border-slate-200 dark:border-slate-800'}`}
            >
              <div className="mb-1 flex items-center gap-2 text-xs text-slate-500">
                <span className="font-medium text-slate-700 dark:text-slate-300">{c.user_name}</span>
                <span>
                  <Time value={c.created_at} />
                </span>
                {c.is_internal && <span className="font-semibold text-amber-800 dark:text-amber-300">Internal note</span>}
              </div>
              {c.is_unsent ? (
                <p className="italic text-slate-400">Message unsent</p>
              ) : (
                <MarkdownText source={c.comment} mentions={c.mentions} />
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">No comments yet.</p>
      )}
    </section>
  );
}

export function History({ entries }: { entries: { id: number; summary: string; note: string | null; created_at: string }[] }) {
  return (
    <section aria-labelledby="history">
      <h2 id="history" className="mb-2 font-semibold">
        History
      </h2>
      {entries.length ? (
        <ol className="space-y-2 border-l border-slate-200 pl-4 text-sm dark:border-slate-800" data-testid="ticket-history">
          {entries.map((h) => (
            <li key={h.id}>
              <span>{h.summary}</span>
              {h.note ? <span className="block text-slate-600 dark:text-slate-400">“{h.note}”</span> : null}
              <span className="block text-xs text-slate-500">
                <Time value={h.created_at} />
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-500">No history.</p>
      )}
    </section>
  );
}
