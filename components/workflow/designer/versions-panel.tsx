'use client';

import { History, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Field, FormError } from '@/components/ui/field';
import { NativeSelect } from '@/components/ui/native-select';
import { EmptyRow, Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { Time } from '@/components/ui/time';
import { ApiError, api } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';
import { toDisplayDuration } from '@/lib/domain/workflow/durations';
import type { VersionDiff } from '@/lib/domain/workflow/version-diff';

export interface VersionRow {
  version: number;
  deployed_at: string;
  deployed_by: { user_id: number; name: string } | null;
  note: string;
  is_current: boolean;
  in_flight_tasks: number;
  steps: number;
}

type Ref = number | 'draft';
const FIELD_LABELS: Record<string, string> = {
  name: 'name',
  department: 'department',
  category: 'category',
  sub_category: 'sub-category',
  role: 'role',
  escalate_to: 'escalates to',
  weight: 'share of the time (weight)',
  is_start: 'start step',
  is_end: 'tickets can finish here',
  instruction: 'instructions',
  description: 'description',
};
const LEVEL_LABELS: Record<string, string> = { urgent: 'Urgent', high: 'High', medium: 'Medium', low: 'Low' };

const show = (v: string | number | boolean | null) =>
  v === null || v === '' ? 'none' : v === true ? 'yes' : v === false ? 'no' : String(v);
const duration = (s: number | null) => (s == null ? 'none' : toDisplayDuration(s));
const label = (r: Ref) => (r === 'draft' ? 'the draft' : `version ${r}`);

/** The changes of a diff in sentences, grouped as an admin reads them. */
function DiffView({ diff }: { diff: VersionDiff }) {
  if (diff.identical)
    return <p className="text-sm text-slate-600 dark:text-slate-400">No differences: they define the same workflow.</p>;
  const groups: [string, string[]][] = [
    [
      'Settings',
      diff.settings.map((c) => `The ${FIELD_LABELS[c.field] ?? c.field} changed from ${show(c.from)} to ${show(c.to)}`),
    ],
    ['Time to resolve', diff.slas.map((s) => `${LEVEL_LABELS[s.level]} priority: ${duration(s.from)} → ${duration(s.to)}`)],
    [
      'Steps',
      [
        ...diff.steps.added.map((s) => `Added step ${s}`),
        ...diff.steps.removed.map((s) => `Removed step ${s}`),
        ...diff.steps.changed.flatMap((s) =>
          s.changes.map((c) => `Step ${s.name}: ${FIELD_LABELS[c.field] ?? c.field} ${show(c.from)} → ${show(c.to)}`),
        ),
      ],
    ],
    [
      'Transitions',
      [
        ...diff.transitions.added.map((t) => `Added “${t.name}” from ${t.from_step} to ${t.to_step}`),
        ...diff.transitions.removed.map((t) => `Removed “${t.name}” from ${t.from_step} to ${t.to_step}`),
        ...diff.transitions.changed.map(
          (t) =>
            `“${t.name}” from ${t.from_step} now leads to ${show(t.changes[0]?.to ?? null)} (was ${show(t.changes[0]?.from ?? null)})`,
        ),
      ],
    ],
    ['Roles', [...diff.roles.added.map((r) => `Now uses ${r}`), ...diff.roles.removed.map((r) => `No longer uses ${r}`)]],
  ];
  return (
    <div className="space-y-3">
      {groups
        .filter(([, lines]) => lines.length)
        .map(([title, lines]) => (
          <div key={title}>
            <h4 className="text-sm font-semibold">{title}</h4>
            <ul className="mt-1 list-disc pl-5 text-sm">
              {lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </div>
        ))}
    </div>
  );
}

/**
 * The versions of a workflow: who deployed each, when, with which note, how many open tasks still run on it;
 * pick two (or one and the draft) to see what changed; copy a version back into the draft.
 */
export function VersionsPanel({
  workflowId,
  versions,
  hasDraftChanges,
}: {
  workflowId: number;
  versions: VersionRow[];
  hasDraftChanges: boolean;
}) {
  const latest = versions[0]?.version;
  const [from, setFrom] = useState<Ref>(versions[1]?.version ?? latest ?? 'draft');
  const [to, setTo] = useState<Ref>(versions.length > 1 && !hasDraftChanges ? latest : 'draft');
  const [diff, setDiff] = useState<{ from: Ref; to: Ref; diff: VersionDiff } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const restore = useMutation();
  const options: Ref[] = ['draft', ...versions.map((v) => v.version)];
  const parse = (v: string): Ref => (v === 'draft' ? 'draft' : Number(v));

  async function compare() {
    setLoading(true);
    setError(null);
    try {
      const d = await api<VersionDiff>('GET', `/tts/workflows/${workflowId}/versions/diff/?from=${from}&to=${to}`);
      setDiff({ from, to, diff: d });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The comparison could not be loaded. Try again.');
    } finally {
      setLoading(false);
    }
  }

  return (
    <section
      aria-labelledby="versions-heading"
      className="space-y-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 id="versions-heading" className="flex items-center gap-2 text-base font-semibold">
        <History className="h-4 w-4" aria-hidden /> Versions
      </h2>
      <Table aria-label="Deployed versions">
        <THead>
          <TR>
            <TH>Version</TH>
            <TH>Deployed</TH>
            <TH>Note</TH>
            <TH>Tickets in progress on it</TH>
            <TH>
              <span className="sr-only">Actions</span>
            </TH>
          </TR>
        </THead>
        <TBody>
          {versions.length === 0 ? (
            <EmptyRow colSpan={5}>Not deployed yet: the first deploy creates version 1.</EmptyRow>
          ) : (
            versions.map((v) => (
              <TR key={v.version}>
                <TD>
                  v{v.version} {v.is_current && <Badge tone="success">Live</Badge>}
                </TD>
                <TD>
                  <Time value={v.deployed_at} />
                  {v.deployed_by && <span className="block text-xs text-slate-500">by {v.deployed_by.name}</span>}
                </TD>
                <TD className="max-w-xs whitespace-pre-wrap">{v.note || <span className="text-slate-500">—</span>}</TD>
                <TD>{v.in_flight_tasks}</TD>
                <TD>
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm" aria-label={`Copy version ${v.version} into the draft`}>
                        <RotateCcw className="h-3.5 w-3.5" aria-hidden /> Restore
                      </Button>
                    }
                    title={`Copy version ${v.version} into the draft?`}
                    description="The steps and settings you are editing are replaced by this version's. Nothing changes for tickets until you deploy."
                    confirmLabel="Copy into the draft"
                    onConfirm={() =>
                      void restore.run(
                        () => api('POST', `/tts/workflows/${workflowId}/versions/${v.version}/restore/`),
                        `Version ${v.version} copied into the draft`,
                      )
                    }
                  />
                </TD>
              </TR>
            ))
          )}
        </TBody>
      </Table>
      {versions.length > 0 && (
        <div className="flex flex-wrap items-end gap-2">
          <Field id="compare-from" label="Compare">
            <NativeSelect id="compare-from" value={String(from)} onChange={(e) => setFrom(parse(e.target.value))}>
              {options.map((o) => (
                <option key={o} value={o}>
                  {o === 'draft' ? 'Draft (being edited)' : `Version ${o}`}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field id="compare-to" label="with">
            <NativeSelect id="compare-to" value={String(to)} onChange={(e) => setTo(parse(e.target.value))}>
              {options.map((o) => (
                <option key={o} value={o}>
                  {o === 'draft' ? 'Draft (being edited)' : `Version ${o}`}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Button variant="secondary" pending={loading} onClick={() => void compare()}>
            Show changes
          </Button>
        </div>
      )}
      <FormError>{error}</FormError>
      {diff && (
        <section aria-label="Changes between versions" className="rounded-lg bg-slate-50 p-3 dark:bg-slate-900">
          <h3 className="mb-2 text-sm font-semibold">
            From {label(diff.from)} to {label(diff.to)}
          </h3>
          <DiffView diff={diff.diff} />
        </section>
      )}
    </section>
  );
}
