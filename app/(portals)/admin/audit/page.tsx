import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditChanges } from '@/components/admin/audit/audit-changes';
import { Button } from '@/components/ui/button';
import { FilterProblem } from '@/components/ui/filter-problem';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { Pager } from '@/components/ui/pager';
import { EmptyRow, Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { Time } from '@/components/ui/time';
import { AUDIT_CONTEXTS, auditQuery } from '@/lib/domain/workflow/schemas';
import { workflowAudit } from '@/lib/domain/workflow/task-queries';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Audit log' };

const PAGE_SIZE = 25;
const CONTEXT_LABEL: Record<string, string> = {
  workflow: 'Workflows and tasks',
  identity: 'Users and sign-in',
  helpdesk: 'Tickets',
  messaging: 'Conversations',
  notifications: 'Notifications',
  knowledge: 'Knowledge base',
};
const TEXT = [
  ['actor', 'Who (e-mail)', 'e.g. admin@'],
  ['entity_type', 'Entity', 'e.g. task, user, ticket'],
  ['entity_id', 'Entity id', ''],
  ['action', 'Action', 'e.g. transfer'],
] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePortal('admin');
  const sp = await searchParams;
  const values: Record<string, string> = {};
  for (const k of ['actor', 'context', 'entity_type', 'entity_id', 'action', 'from', 'to', 'page']) {
    const v = Array.isArray(sp[k]) ? sp[k][0] : sp[k];
    if (v?.trim()) values[k] = v.trim();
  }
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const dateProblem =
    (values.from && !day.test(values.from)) || (values.to && !day.test(values.to)) ? 'Use dates like 2026-12-01' : null;
  // The range is whole UTC days, both included: the end date runs to its last millisecond.
  const parsed = auditQuery.safeParse({
    ...values,
    start_date: values.from && !dateProblem ? `${values.from}T00:00:00.000Z` : undefined,
    end_date: values.to && !dateProblem ? `${values.to}T23:59:59.999Z` : undefined,
    page_size: PAGE_SIZE,
  });
  const problem = dateProblem ?? (parsed.success ? null : parsed.error.issues.map((i) => i.message).join(' · '));
  const entries = parsed.success && !dateProblem ? await workflowAudit(actor, parsed.data) : null;
  const page = parsed.success ? parsed.data.page : 1;
  const href = (p: number) => {
    const q = new URLSearchParams(Object.entries(values).filter(([k]) => k !== 'page'));
    q.set('page', String(p));
    return `/admin/audit?${q}`;
  };
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Who changed what and when, newest first, with the values before and after.{' '}
          {entries ? `${entries.count} entr${entries.count === 1 ? 'y' : 'ies'}.` : ''}
        </p>
      </div>
      <search>
        <form action="/admin/audit" method="get" className="flex flex-wrap items-end gap-2" aria-label="Audit filters">
          <div>
            <label htmlFor="a-context" className="mb-1 block text-xs font-medium">
              Area
            </label>
            <NativeSelect id="a-context" name="context" defaultValue={values.context ?? 'workflow'}>
              {AUDIT_CONTEXTS.map((c) => (
                <option key={c} value={c}>
                  {CONTEXT_LABEL[c]}
                </option>
              ))}
            </NativeSelect>
          </div>
          {TEXT.map(([name, label, placeholder]) => (
            <div key={name} className="w-40">
              <label htmlFor={`a-${name}`} className="mb-1 block text-xs font-medium">
                {label}
              </label>
              <Input id={`a-${name}`} name={name} placeholder={placeholder} defaultValue={values[name] ?? ''} />
            </div>
          ))}
          <div>
            <label htmlFor="a-from" className="mb-1 block text-xs font-medium">
              From
            </label>
            <Input id="a-from" name="from" type="date" defaultValue={values.from ?? ''} />
          </div>
          <div>
            <label htmlFor="a-to" className="mb-1 block text-xs font-medium">
              To
            </label>
            <Input id="a-to" name="to" type="date" defaultValue={values.to ?? ''} />
          </div>
          <Button type="submit" variant="secondary">
            Apply
          </Button>
          <Link href="/admin/audit" className="px-2 text-sm text-slate-600 underline dark:text-slate-400">
            Clear
          </Link>
        </form>
      </search>
      {problem && <FilterProblem>These filters cannot be used: {problem}.</FilterProblem>}
      <Table aria-label="Audit entries">
        <THead>
          <tr>
            <TH>When</TH>
            <TH>Who</TH>
            <TH>Action</TH>
            <TH>Entity</TH>
            <TH>Before and after</TH>
          </tr>
        </THead>
        <TBody>
          {entries && entries.results.length === 0 && <EmptyRow colSpan={5}>Nothing was recorded for these filters.</EmptyRow>}
          {entries?.results.map((e) => (
            <TR key={e.id} data-testid={`audit-${e.id}`} className="align-top">
              <TD className="whitespace-nowrap text-xs">
                <Time value={e.timestamp} />
              </TD>
              <TD className="text-xs">{e.user === 'system' ? 'The system' : e.user}</TD>
              <TD className="font-mono text-xs">{e.action}</TD>
              <TD className="whitespace-nowrap text-xs">
                {e.entity_type} <span className="font-mono">#{e.entity_id}</span>
              </TD>
              <TD>
                <AuditChanges before={e.details.old_values} after={e.details.new_values} />
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {entries && <Pager page={page} count={entries.count} pageSize={PAGE_SIZE} href={href} />}
    </div>
  );
}
