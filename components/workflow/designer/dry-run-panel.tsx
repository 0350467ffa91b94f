'use client';

import { FlaskConical } from 'lucide-react';
import { useState } from 'react';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { FieldInput, FieldSelect } from '@/components/ui/form-controls';
import { EmptyRow, Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { api } from '@/lib/client/api';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { toDisplayDuration } from '@/lib/domain/workflow/durations';
import { dryRunInput, type dryRunOutput } from '@/lib/domain/workflow/version-schemas';

type Result = z.infer<typeof dryRunOutput>;
const duration = (s: number | null) => (s == null ? 'no time limit' : toDisplayDuration(s));

/**
 * Try the workflow before deploying it: the latest matching tickets (and an example one) are run through the
 * saved draft or a version, showing where each goes, who would get it first and how long each step may take.
 * Nothing is written: no ticket moves, nobody is assigned.
 */
export function DryRunPanel({
  workflowId,
  versions,
  dirty,
  subCategories,
}: {
  workflowId: number;
  versions: number[];
  dirty: boolean;
  /** Sub-categories of the workflow's category, for the example ticket. */
  subCategories: string[];
}) {
  const [result, setResult] = useState<Result | null>(null);
  const { form, submit, errorOf, formError, pending } = useDomainForm(dryRunInput, {
    defaultValues: { version: 'draft', limit: 10, ticket: { subject: '', priority: 'Medium', sub_category: '' } },
  });
  const onSubmit = submit(async (values) => {
    const r = await api<Result>('POST', `/tts/workflows/${workflowId}/dry-run/`, values);
    setResult(r);
    return r;
  }, 'Dry run finished: nothing was changed');

  return (
    <section aria-labelledby="dry-run-heading" className="space-y-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="dry-run-heading" className="flex items-center gap-2 text-base font-semibold">
        <FlaskConical className="h-4 w-4" aria-hidden /> Try it on tickets
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        See what would happen to recent tickets of this department and category, and to an example you type. Nothing is changed:
        no ticket moves and nobody is assigned.
      </p>
      <form
        onSubmit={onSubmit}
        noValidate
        className="grid gap-3 sm:grid-cols-2 sm:items-end lg:grid-cols-[1fr_12rem_9rem_7rem_10rem_auto]"
      >
        <FieldInput
          id="dry-run-subject"
          label="Example ticket subject"
          placeholder="Printer on floor 2 jams"
          maxLength={255}
          error={errorOf('ticket.subject' as never)}
          {...form.register('ticket.subject')}
        />
        <FieldSelect id="dry-run-priority" label="Its priority" {...form.register('ticket.priority')}>
          {['Low', 'Medium', 'High', 'Critical'].map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </FieldSelect>
        <FieldSelect id="dry-run-sub-category" label="Its sub-category" {...form.register('ticket.sub_category')}>
          <option value="">As the workflow</option>
          {subCategories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </FieldSelect>
        <FieldInput
          id="dry-run-limit"
          label="Recent tickets"
          type="number"
          min={0}
          max={50}
          error={errorOf('limit')}
          {...form.register('limit')}
        />
        <FieldSelect id="dry-run-version" label="Try" {...form.register('version')}>
          <option value="draft">The saved draft</option>
          {versions.map((v) => (
            <option key={v} value={v}>
              Version {v}
            </option>
          ))}
        </FieldSelect>
        <Button type="submit" pending={pending} disabled={dirty}>
          Dry run
        </Button>
      </form>
      {dirty && <p className="text-xs text-slate-500">Save your changes first: the dry run tries what is saved.</p>}
      <FormError>{formError}</FormError>
      {result && (
        <section aria-label="Dry run result" className="space-y-3">
          {result.problems.length ? (
            <div>
              <h3 className="text-sm font-semibold text-red-700 dark:text-red-400">Deploy would refuse it because:</h3>
              <ul className="list-disc pl-5 text-sm text-red-700 dark:text-red-400">
                {result.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-sm text-green-700 dark:text-green-400">It could be deployed as it is.</p>
          )}
          <Table aria-label="Tickets in the dry run">
            <THead>
              <TR>
                <TH>Ticket</TH>
                <TH>Goes to today</TH>
                <TH>After deploying</TH>
                <TH>First assignee</TH>
                <TH>Path and time per step</TH>
              </TR>
            </THead>
            <TBody>
              {result.tickets.length === 0 ? (
                <EmptyRow colSpan={5}>No recent tickets of this department and category yet.</EmptyRow>
              ) : (
                result.tickets.map((t, i) => (
                  <TR key={t.ticket_number ?? `example-${i}`}>
                    <TD>
                      <span className="font-medium">{t.hypothetical ? 'Your example' : t.ticket_number}</span>
                      <span className="block text-xs text-slate-500">
                        {t.subject} · {t.priority}
                        {t.sub_category ? ` · ${t.sub_category}` : ''}
                      </span>
                    </TD>
                    <TD>{t.today?.name ?? <span className="text-slate-500">{t.today_reason ?? 'Nowhere'}</span>}</TD>
                    <TD>
                      {t.after_deploy?.name ?? <span className="text-slate-500">{t.after_deploy_reason ?? 'Nowhere'}</span>}
                      {!t.routes_here && t.after_deploy && (
                        <span className="block text-xs text-slate-500">not this workflow</span>
                      )}
                    </TD>
                    <TD>
                      {t.first_assignee?.name ?? (
                        <span className="text-red-700 dark:text-red-400">{t.first_assignee_reason ?? '—'}</span>
                      )}
                    </TD>
                    <TD>
                      {t.path.length ? (
                        <ol className="text-xs">
                          {t.path.map((s, n) => (
                            <li key={`${s.step}-${n}`}>
                              {n + 1}. {s.step}{' '}
                              <span className="text-slate-500">
                                ({s.role}, {duration(s.sla_seconds)})
                              </span>
                            </li>
                          ))}
                        </ol>
                      ) : (
                        <span className="text-slate-500">—</span>
                      )}
                    </TD>
                  </TR>
                ))
              )}
            </TBody>
          </Table>
        </section>
      )}
    </section>
  );
}
