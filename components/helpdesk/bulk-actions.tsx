'use client';

import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { FieldSelect, FieldTextarea } from '@/components/ui/form-controls';
import { Checkbox } from '@/components/ui/input';
import { ApiError, api } from '@/lib/client/api';
import { type BulkOutcome, PRIORITIES, STATUSES } from '@/lib/domain/helpdesk/schemas';

/** A ticket of the list as the page showed it: its number and the version the bulk action is checked against. */
export interface BulkTicket {
  ticket_number: string;
  updated_at: string;
}
interface BulkResult {
  action: string;
  succeeded: number;
  refused: number;
  results: BulkOutcome[];
}

const Ctx = createContext<{
  tickets: BulkTicket[];
  selected: Set<string>;
  toggle: (n: string, on: boolean) => void;
  setAll: (on: boolean) => void;
  clear: () => void;
} | null>(null);

function useBulk() {
  const c = useContext(Ctx);
  if (!c) throw new Error('Bulk selection components must sit inside <BulkProvider>');
  return c;
}

/** Holds which tickets of the page are selected; the checkboxes and the bar below share it. */
export function BulkProvider({ tickets, children }: { tickets: BulkTicket[]; children: React.ReactNode }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  // a refreshed page drops tickets that left the list (approved out of triage, for example)
  const numbers = tickets.map((t) => t.ticket_number).join(',');
  useEffect(() => {
    const present = new Set(numbers.split(','));
    setSelected((s) => new Set([...s].filter((n) => present.has(n))));
  }, [numbers]);
  return (
    <Ctx.Provider
      value={{
        tickets,
        selected,
        toggle: (n, on) =>
          setSelected((s) => {
            const next = new Set(s);
            if (on) next.add(n);
            else next.delete(n);
            return next;
          }),
        setAll: (on) => setSelected(on ? new Set(tickets.map((t) => t.ticket_number)) : new Set()),
        clear: () => setSelected(new Set()),
      }}
    >
      {/* data-bulk-ready: hydrated, the boxes answer (tests wait for it before clicking) */}
      <div className="space-y-4" data-bulk-ready={ready ? '' : undefined}>
        {children}
      </div>
    </Ctx.Provider>
  );
}

export function SelectAllCheckbox() {
  const { tickets, selected, setAll } = useBulk();
  const ref = useRef<HTMLInputElement>(null);
  const all = tickets.length > 0 && selected.size === tickets.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = selected.size > 0 && !all;
  }, [selected.size, all]);
  return (
    <Checkbox
      ref={ref}
      aria-label="Select all tickets on this page"
      checked={all}
      onChange={(e) => setAll(e.currentTarget.checked)}
    />
  );
}

export function RowCheckbox({ ticketNumber }: { ticketNumber: string }) {
  const { selected, toggle } = useBulk();
  return (
    <Checkbox
      aria-label={`Select ${ticketNumber}`}
      checked={selected.has(ticketNumber)}
      // the row itself links to the ticket: a click on the box only selects
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
      onChange={(e) => toggle(ticketNumber, e.currentTarget.checked)}
    />
  );
}

type Action = 'approve' | 'reject' | 'assign' | 'status';
const VERB: Record<Action, string> = { approve: 'approved', reject: 'rejected', assign: 'assigned', status: 'updated' };

/**
 * The actions on the selected tickets, one request for all of them; each ticket is checked on its own and the
 * outcome lists what went through and what was refused, and why. The selection count is announced (aria-live).
 */
export function BulkBar({
  actions,
  departments = [],
  meId,
}: {
  actions: Action[];
  departments?: string[];
  /** The signed-in user: "Assign to me". */
  meId?: number;
}) {
  const { tickets, selected, clear } = useBulk();
  const router = useRouter();
  const [dialog, setDialog] = useState<Action | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<BulkResult | null>(null);
  const chosen = tickets.filter((t) => selected.has(t.ticket_number));

  async function run(action: Action, extra: Record<string, unknown>) {
    setPending(true);
    setError(null);
    setFields({});
    try {
      const r = await api<BulkResult>('POST', '/hdts/api/tickets/bulk/', {
        action,
        ...extra,
        tickets: chosen.map((t) => ({ ticket_number: t.ticket_number, expected_updated_at: t.updated_at })),
      });
      setResult(r);
      setDialog(null);
      clear();
      if (r.succeeded) toast.success(`${r.succeeded} ${r.succeeded === 1 ? 'ticket' : 'tickets'} ${VERB[action]}`);
      router.refresh();
    } catch (e) {
      if (e instanceof ApiError) {
        setFields(e.fields);
        setError(Object.keys(e.fields).length ? 'Please correct the highlighted fields' : e.message);
      } else setError('Something went wrong. Please try again.');
    } finally {
      setPending(false);
    }
  }
  const fieldError = (k: string) => fields[k]?.[0];

  return (
    <div className="space-y-2">
      <div
        className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm dark:border-slate-800 dark:bg-slate-900"
        data-testid="bulk-bar"
      >
        <span role="status" aria-live="polite" className="min-w-28 text-slate-700 dark:text-slate-300">
          {selected.size ? `${selected.size} selected` : 'None selected'}
        </span>
        {actions.includes('approve') && (
          <Button disabled={!selected.size} onClick={() => setDialog('approve')}>
            Approve selected
          </Button>
        )}
        {actions.includes('reject') && (
          <Button variant="danger" disabled={!selected.size} onClick={() => setDialog('reject')}>
            Reject selected
          </Button>
        )}
        {actions.includes('assign') && meId && (
          <Button
            variant="secondary"
            disabled={!selected.size}
            pending={pending && dialog === null}
            onClick={() => run('assign', { assignee_id: meId })}
          >
            Assign to me
          </Button>
        )}
        {actions.includes('status') && (
          <Button variant="secondary" disabled={!selected.size} onClick={() => setDialog('status')}>
            Change status
          </Button>
        )}
        {selected.size > 0 && (
          <Button variant="secondary" onClick={clear}>
            Clear selection
          </Button>
        )}
      </div>
      {result && <BulkResultPanel result={result} onDismiss={() => setResult(null)} />}
      <Dialog
        open={dialog !== null}
        onOpenChange={(o) => {
          if (!o) setDialog(null);
          setError(null);
          setFields({});
        }}
      >
        {dialog && (
          <DialogContent
            title={
              dialog === 'approve'
                ? `Approve ${chosen.length} tickets`
                : dialog === 'reject'
                  ? `Reject ${chosen.length} tickets`
                  : `Change the status of ${chosen.length} tickets`
            }
            description={
              dialog === 'approve'
                ? 'Each ticket gets this priority and department and goes to the workflow engine.'
                : dialog === 'reject'
                  ? 'Each requester is told this reason.'
                  : 'Each ticket moves to this status where that is allowed.'
            }
          >
            <form
              noValidate
              className="space-y-3"
              onSubmit={(e) => {
                e.preventDefault();
                const f = new FormData(e.currentTarget);
                const v = (k: string) => String(f.get(k) ?? '');
                if (dialog === 'approve')
                  run('approve', {
                    priority: v('priority') || undefined,
                    department: v('department') || undefined,
                    approval_notes: v('approval_notes') || null,
                  });
                else if (dialog === 'reject') run('reject', { rejection_reason: v('rejection_reason') });
                else run('status', { status: v('status') || undefined, note: v('note') || null });
              }}
            >
              <FormError>{error}</FormError>
              {dialog === 'approve' && (
                <>
                  <FieldSelect id="bulk-priority" name="priority" label="Priority" error={fieldError('priority')}>
                    <option value="">Choose a priority</option>
                    {PRIORITIES.map((p) => (
                      <option key={p}>{p}</option>
                    ))}
                  </FieldSelect>
                  <FieldSelect id="bulk-department" name="department" label="Department" error={fieldError('department')}>
                    <option value="">Choose a department</option>
                    {departments.map((d) => (
                      <option key={d}>{d}</option>
                    ))}
                  </FieldSelect>
                  <FieldTextarea id="bulk-notes" name="approval_notes" label="Approval notes (optional)" rows={2} />
                </>
              )}
              {dialog === 'reject' && (
                <FieldTextarea
                  id="bulk-reason"
                  name="rejection_reason"
                  label="Reason (the requesters see it)"
                  error={fieldError('rejection_reason')}
                />
              )}
              {dialog === 'status' && (
                <>
                  <FieldSelect id="bulk-status" name="status" label="New status" error={fieldError('status')}>
                    <option value="">Choose a status</option>
                    {STATUSES.filter((s) => s !== 'New' && s !== 'Withdrawn').map((s) => (
                      <option key={s}>{s}</option>
                    ))}
                  </FieldSelect>
                  <FieldTextarea id="bulk-note" name="note" label="Note (optional)" rows={2} />
                </>
              )}
              <DialogFooter>
                <Button variant="secondary" onClick={() => setDialog(null)}>
                  Cancel
                </Button>
                <Button type="submit" variant={dialog === 'reject' ? 'danger' : 'primary'} pending={pending}>
                  {dialog === 'approve' ? 'Approve' : dialog === 'reject' ? 'Reject' : 'Change status'}
                </Button>
              </DialogFooter>
            </form>
          </DialogContent>
        )}
      </Dialog>
    </div>
  );
}

function BulkResultPanel({ result, onDismiss }: { result: BulkResult; onDismiss: () => void }) {
  const refused = result.results.filter((r) => !r.ok);
  const verb = VERB[result.action as Action] ?? 'done';
  return (
    <div
      role="status"
      data-testid="bulk-result"
      className="rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-950"
    >
      <div className="flex items-start justify-between gap-2">
        <p className="font-medium">
          {result.succeeded} {verb}, {result.refused} refused
        </p>
        <Button variant="secondary" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
      {refused.length > 0 && (
        <ul className="mt-2 space-y-1 text-slate-700 dark:text-slate-300">
          {refused.map((r) => (
            <li key={r.ticket_number}>
              <span className="font-mono text-xs">{r.ticket_number}</span>: {r.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
