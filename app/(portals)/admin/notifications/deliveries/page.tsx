import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyRow, Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { Time } from '@/components/ui/time';
import { listEmailDeliveries } from '@/lib/domain/notifications/queries';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'E-mail deliveries' };

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<{ page?: string; status?: string }> }) {
  const actor = await requirePortal('admin');
  const sp = await searchParams;
  const page = Math.max(1, Number(sp.page) || 1);
  const status = sp.status === 'sent' || sp.status === 'failed' ? sp.status : undefined;
  const result = await listEmailDeliveries(actor, { page, page_size: 50, status });
  const pages = Math.max(1, Math.ceil(result.count / 50));
  const q = (p: number) => `/admin/notifications/deliveries?page=${p}${status ? `&status=${status}` : ''}`;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">E-mail deliveries</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Every attempt to e-mail a notification. Failed attempts retry with backoff; after the last one the job waits in the{' '}
          <Link href="/admin/queues" className="underline">
            dead-letter queue
          </Link>
          .
        </p>
      </div>
      <nav aria-label="Filter by status" className="flex gap-1">
        {[
          ['All', undefined],
          ['Sent', 'sent'],
          ['Failed', 'failed'],
        ].map(([label, s]) => (
          <Link
            key={label}
            href={s ? `/admin/notifications/deliveries?status=${s}` : '/admin/notifications/deliveries'}
            aria-current={status === s ? 'page' : undefined}
            className={`rounded-md px-3 py-1.5 text-sm ${status === s ? 'bg-brand-600 text-white' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
          >
            {label}
          </Link>
        ))}
      </nav>
      <Table aria-label="E-mail deliveries">
        <THead>
          <tr>
            <TH>When</TH>
            <TH>Recipient</TH>
            <TH>Subject</TH>
            <TH>Status</TH>
            <TH>Attempt</TH>
            <TH>Via</TH>
            <TH>Error</TH>
          </tr>
        </THead>
        <TBody>
          {result.count === 0 && <EmptyRow colSpan={7}>No e-mail deliveries yet.</EmptyRow>}
          {result.results.map((d) => (
            <TR key={d.id}>
              <TD className="whitespace-nowrap">
                <Time value={d.created_at} />
              </TD>
              <TD>{d.recipient}</TD>
              <TD>{d.subject}</TD>
              <TD>
                <span
                  className={`rounded px-1.5 py-0.5 text-xs font-medium ${d.status === 'sent' ? 'bg-emerald-100 text-emerald-800' : 'bg-red-100 text-red-800'}`}
                >
                  {d.status === 'sent' ? 'Sent' : 'Failed'}
                </span>
              </TD>
              <TD>{d.attempt}</TD>
              <TD>{d.transport === 'smtp' ? 'SMTP' : 'Saved to a file (no SMTP server set)'}</TD>
              <TD className="max-w-xs break-words text-xs text-red-800 dark:text-red-300">{d.error ?? ''}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {pages > 1 && (
        <nav aria-label="Pages" className="flex items-center justify-between text-sm">
          {page > 1 ? <Link href={q(page - 1)}>← Newer</Link> : <span />}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={q(page + 1)}>Older →</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
