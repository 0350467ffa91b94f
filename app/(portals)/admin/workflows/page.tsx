import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { Pager } from '@/components/ui/pager';
import { SlaClockDialog } from '@/components/workflow/sla-clock-dialog';
import { listCalendars } from '@/lib/domain/workflow/calendars';
import { listWorkflows } from '@/lib/domain/workflow/workflow-queries';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Workflows' };

const TONE = { deployed: 'success', paused: 'warning', draft: 'neutral' } as const;

export default async function WorkflowsPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const actor = await requirePortal('admin');
  const sp = await searchParams;
  const page = Math.max(1, Number(sp.page) || 1);
  const status = ['draft', 'deployed', 'paused'].includes(sp.status ?? '')
    ? (sp.status as 'draft' | 'deployed' | 'paused')
    : undefined;
  const [data, calendars] = await Promise.all([listWorkflows(actor, { page, page_size: 20, status }), listCalendars(actor)]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Workflows</h1>
        <div className="flex gap-2">
          <Link href="/admin/workflows/unassigned" className={buttonVariants({ variant: 'secondary' })}>
            Unassigned tickets
          </Link>
          <Link href="/admin/workflows/new" className={buttonVariants()}>
            New workflow
          </Link>
        </div>
      </div>
      <nav aria-label="Status" className="flex gap-3 text-sm">
        {['all', 'draft', 'deployed', 'paused'].map((s) => (
          <Link
            key={s}
            href={s === 'all' ? '/admin/workflows' : `/admin/workflows?status=${s}`}
            aria-current={(status ?? 'all') === s ? 'page' : undefined}
            className={(status ?? 'all') === s ? 'font-semibold underline' : 'text-slate-600'}
          >
            {s[0].toUpperCase() + s.slice(1)}
          </Link>
        ))}
      </nav>
      {data.results.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500">
          No workflows yet.
        </p>
      ) : (
        <div className="relative max-w-full overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
            <thead>
              <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                <th className="px-3 py-2">Name</th>
                <th className="px-3 py-2">Department / category</th>
                <th className="px-3 py-2">Steps</th>
                <th className="px-3 py-2">Status</th>
                <th className="px-3 py-2">SLAs (urgent/high/medium/low)</th>
                <th className="px-3 py-2">Business hours</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {data.results.map((w) => (
                <tr key={w.workflow_id}>
                  <td className="px-3 py-2">
                    <Link href={`/admin/workflows/${w.workflow_id}`} className="font-medium underline-offset-2 hover:underline">
                      {w.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    {w.department} / {w.category}
                    {w.sub_category ? ` / ${w.sub_category}` : ''}
                  </td>
                  <td className="px-3 py-2">{w.steps.length}</td>
                  <td className="px-3 py-2">
                    <Badge tone={TONE[w.status as keyof typeof TONE] ?? 'neutral'}>
                      {w.status}
                      {w.version ? ` · v${w.version}` : ''}
                    </Badge>
                  </td>
                  <td className="px-3 py-2 text-slate-600 dark:text-slate-400">
                    {[w.urgent_sla, w.high_sla, w.medium_sla, w.low_sla].map((s) => s ?? '—').join(' / ')}
                  </td>
                  <td className="px-3 py-2">
                    <SlaClockDialog workflow={w} calendars={calendars} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={page}
        count={data.count}
        pageSize={20}
        href={(p) => `/admin/workflows?page=${p}${status ? `&status=${status}` : ''}`}
      />
    </div>
  );
}
