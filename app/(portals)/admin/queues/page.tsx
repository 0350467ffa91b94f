import type { Metadata } from 'next';
import { DeadLetterActions, ReplayAllButton } from '@/components/admin/queues/dead-letter-actions';
import { cn } from '@/components/ui/cn';
import { Pager } from '@/components/ui/pager';
import { EmptyRow, Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { Time } from '@/components/ui/time';
import { listDeadLetters, listFailed, queueDepths } from '@/lib/domain/operations/queries';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Job queues' };

const PAGE_SIZE = 20;

/** Cells of the job tables sit at the top: the error cell grows when its payload is opened. */
function Cell({ className, ...props }: React.ComponentProps<typeof TD>) {
  return <TD className={cn('align-top', className)} {...props} />;
}

function Payload({ value }: { value: unknown }) {
  return (
    <details>
      <summary className="cursor-pointer text-xs text-brand-700 dark:text-brand-100">Payload</summary>
      <pre className="mt-1 max-w-xl overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">
        {JSON.stringify(value, null, 2)}
      </pre>
    </details>
  );
}

export default async function QueuesPage({ searchParams }: { searchParams: Promise<{ dl?: string; failed?: string }> }) {
  const actor = await requirePortal('admin');
  const sp = await searchParams;
  const dlPage = Math.max(1, Number(sp.dl) || 1);
  const failedPage = Math.max(1, Number(sp.failed) || 1);
  const [depths, dead, failed] = await Promise.all([
    queueDepths(actor),
    listDeadLetters(actor, { page: dlPage, page_size: PAGE_SIZE }),
    listFailed(actor, { page: failedPage, page_size: PAGE_SIZE }),
  ]);
  // Each table pages on its own; a link keeps the other table's page.
  const href = (dl: number, failedAt: number) => `/admin/queues?dl=${dl}&failed=${failedAt}`;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Job queues</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Messages between the help desk, the workflow engine and notifications. Failed messages retry with backoff; permanent
          errors and exhausted retries wait in the dead-letter queue for replay or discard.
        </p>
      </div>

      <section aria-labelledby="depths">
        <h2 id="depths" className="mb-2 text-lg font-semibold">
          Queue depths
        </h2>
        <Table aria-labelledby="depths">
          <THead>
            <tr>
              <TH>Queue</TH>
              <TH>Waiting</TH>
              <TH>Retrying</TH>
              <TH>Active</TH>
              <TH>Completed (last hour)</TH>
              <TH>Failed</TH>
            </tr>
          </THead>
          <TBody>
            {depths.results.map((q) => (
              <TR key={q.name}>
                <Cell className="font-mono">{q.name}</Cell>
                <Cell>{q.created}</Cell>
                <Cell>{q.retry}</Cell>
                <Cell>{q.active}</Cell>
                <Cell>{q.completed}</Cell>
                <Cell>{q.failed}</Cell>
              </TR>
            ))}
          </TBody>
        </Table>
      </section>

      <section aria-labelledby="dead">
        <div className="mb-2 flex items-center justify-between">
          <h2 id="dead" className="text-lg font-semibold">
            Dead letters ({dead.count})
          </h2>
          <ReplayAllButton count={dead.count} />
        </div>
        <Table aria-labelledby="dead">
          <THead>
            <tr>
              <TH>Queue</TH>
              <TH>Error</TH>
              <TH>Attempts</TH>
              <TH>When</TH>
              <TH>Actions</TH>
            </tr>
          </THead>
          <TBody>
            {dead.count === 0 && (
              <EmptyRow colSpan={5}>No dead letters. Every message was delivered or is still retrying.</EmptyRow>
            )}
            {dead.results.map((d) => (
              <TR key={d.id}>
                <Cell className="font-mono">{d.queue}</Cell>
                <Cell>
                  <span className="mr-2 rounded bg-red-50 px-1.5 py-0.5 font-mono text-xs text-red-700 dark:bg-red-950 dark:text-red-300">
                    {d.code}
                  </span>
                  {d.error}
                  <Payload value={d.data} />
                </Cell>
                <Cell>{d.attempts}</Cell>
                <Cell className="whitespace-nowrap">
                  <Time value={d.dead_lettered_at} />
                </Cell>
                <Cell>
                  <DeadLetterActions id={d.id} queue={d.queue} />
                </Cell>
              </TR>
            ))}
          </TBody>
        </Table>
        <Pager page={dlPage} count={dead.count} pageSize={PAGE_SIZE} href={(p) => href(p, failedPage)} />
      </section>

      <section aria-labelledby="failed">
        <h2 id="failed" className="mb-2 text-lg font-semibold">
          Failed jobs ({failed.count})
        </h2>
        <Table aria-labelledby="failed">
          <THead>
            <tr>
              <TH>Queue</TH>
              <TH>Error</TH>
              <TH>Attempts</TH>
              <TH>Failed at</TH>
            </tr>
          </THead>
          <TBody>
            {failed.count === 0 && <EmptyRow colSpan={4}>No failed jobs.</EmptyRow>}
            {failed.results.map((f) => (
              <TR key={f.id}>
                <Cell className="font-mono">{f.queue}</Cell>
                <Cell>
                  {f.error}
                  <Payload value={f.data} />
                </Cell>
                <Cell>{f.attempts}</Cell>
                <Cell className="whitespace-nowrap">
                  <Time value={f.failed_at} />
                </Cell>
              </TR>
            ))}
          </TBody>
        </Table>
        <Pager page={failedPage} count={failed.count} pageSize={PAGE_SIZE} href={(p) => href(dlPage, p)} />
      </section>
    </div>
  );
}
