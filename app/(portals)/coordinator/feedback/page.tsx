import { Star } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { hrefWith } from '@/components/helpdesk/ticket-filters';
import { Pager } from '@/components/ui/pager';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { Time } from '@/components/ui/time';
import { listFeedback } from '@/lib/domain/helpdesk/queries';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'CSAT feedback' };

export default async function FeedbackPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; rating?: string; mine?: string }>;
}) {
  const actor = await requirePortal('coordinator');
  const sp = await searchParams;
  const page = Math.max(1, Number(sp.page) || 1);
  const rating = [1, 2, 3, 4, 5].includes(Number(sp.rating)) ? Number(sp.rating) : undefined;
  const mine = sp.mine === '1' ? '1' : undefined;
  const list = await listFeedback(actor, { page, page_size: 20, rating, owner_id: mine ? actor.id : undefined });
  const json = list.extra as { buckets: Record<string, number>; average: number | null; total: number };
  const max = Math.max(1, ...Object.values(json.buckets));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{mine ? 'CSAT feedback on my tickets' : 'CSAT feedback'}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {json.total} rating{json.total === 1 ? '' : 's'}
          {json.average !== null ? `, average ${json.average} of 5` : ''}
        </p>
      </div>
      <section aria-labelledby="buckets" className="max-w-md space-y-1">
        <h2 id="buckets" className="sr-only">
          Ratings by stars
        </h2>
        {[5, 4, 3, 2, 1].map((n) => (
          <Link
            key={n}
            href={hrefWith('/coordinator/feedback', { mine, rating: rating === n ? undefined : n })}
            className="flex items-center gap-2 rounded px-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:hover:bg-slate-800"
            aria-current={rating === n ? 'true' : undefined}
          >
            <span className="w-16">
              {n} star{n > 1 ? 's' : ''}
            </span>
            <span className="h-3 flex-1 rounded bg-slate-100 dark:bg-slate-800">
              <span className="block h-3 rounded bg-amber-400" style={{ width: `${(json.buckets[String(n)] / max) * 100}%` }} />
            </span>
            <span className="w-8 text-right">{json.buckets[String(n)]}</span>
          </Link>
        ))}
      </section>
      {list.results.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700">
          No feedback yet.
        </div>
      ) : (
        <Table>
          <THead>
            <tr>
              <TH>Ticket</TH>
              <TH>Rating</TH>
              <TH>Feedback</TH>
              <TH>Requester</TH>
              <TH>Submitted</TH>
            </tr>
          </THead>
          <TBody>
            {list.results.map((f) => (
              <TR key={f.ticket_id}>
                <TD className="font-mono text-xs">
                  <Link className="text-brand-700 underline dark:text-brand-100" href={`/coordinator/tickets/${f.ticket_number}`}>
                    {f.ticket_number}
                  </Link>
                </TD>
                <TD>
                  <span className="flex items-center gap-1">
                    {f.rating}
                    <Star className="h-4 w-4 fill-amber-400 text-amber-500" aria-hidden />{' '}
                    <span className="text-xs text-slate-500">of 5</span>
                  </span>
                </TD>
                <TD className="max-w-md whitespace-pre-wrap">{f.feedback ?? <span className="text-slate-500">—</span>}</TD>
                <TD>{f.employee.name}</TD>
                <TD className="whitespace-nowrap text-xs">
                  <Time value={f.submitted_at} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Pager
        page={page}
        count={list.count}
        pageSize={20}
        href={(p) => hrefWith('/coordinator/feedback', { mine, rating, page: p })}
      />
    </div>
  );
}
