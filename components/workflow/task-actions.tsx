'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { describedBy, Field, FormError } from '@/components/ui/field';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { ApiError, api, fieldError } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';

interface Action {
  action_id: number | string;
  name: string;
  description: string;
  kind: string;
}

/** Transition (with notes), escalate and — for admins — transfer; shown only while the assignment is actionable. */
export function TaskActions({
  taskItemId,
  actions,
  transferTargets,
}: {
  taskItemId: number;
  actions: Action[];
  transferTargets: { id: number; name: string }[];
}) {
  const moves = actions.filter((a) => a.kind === 'transition' || a.kind === 'finalize');
  const canEscalate = actions.some((a) => a.kind === 'escalate');
  const canTransfer = actions.some((a) => a.kind === 'transfer');
  const [choice, setChoice] = useState(String(moves[0]?.action_id ?? ''));
  const [notes, setNotes] = useState('');
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState('');
  const [transferNotes, setTransferNotes] = useState('');
  const { pendingKey, error, run } = useMutation({ toastErrors: false });

  const formError = error instanceof ApiError && !Object.keys(error.fields).length ? error.message : undefined;
  return (
    <div className="space-y-6">
      <FormError>{formError}</FormError>
      {moves.length > 0 && (
        <form
          aria-label="Act on this task"
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () =>
                api('POST', '/tts/transitions/', {
                  task_item_id: taskItemId,
                  transition_id: choice === 'finalize' ? null : Number(choice),
                  notes,
                }),
              choice === 'finalize' ? 'Task finalized' : 'Task moved to the next step',
              'move',
            );
          }}
        >
          <Field id="action" label="Action">
            <NativeSelect id="action" value={choice} onChange={(e) => setChoice(e.target.value)}>
              {moves.map((a) => (
                <option key={String(a.action_id)} value={String(a.action_id)}>
                  {a.name} — {a.description}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field id="notes" label="Notes" error={fieldError(error, 'notes')}>
            <Textarea
              id="notes"
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              rows={3}
              aria-invalid={!!fieldError(error, 'notes')}
              aria-describedby={describedBy('notes', fieldError(error, 'notes'))}
            />
          </Field>
          <Button type="submit" pending={pendingKey === 'move'}>
            Submit action
          </Button>
        </form>
      )}
      {canEscalate && (
        <form
          aria-label="Escalate"
          className="space-y-3 border-t border-slate-200 pt-4 dark:border-slate-800"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () => api('POST', '/tts/tasks/escalate/', { task_item_id: taskItemId, reason }),
              'Task escalated',
              'escalate',
            );
          }}
        >
          <Field id="reason" label="Escalation reason" error={fieldError(error, 'reason')}>
            <Textarea
              id="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={2}
              aria-invalid={!!fieldError(error, 'reason')}
            />
          </Field>
          <Button type="submit" variant="secondary" pending={pendingKey === 'escalate'}>
            Escalate
          </Button>
        </form>
      )}
      {canTransfer && (
        <form
          aria-label="Transfer"
          className="space-y-3 border-t border-slate-200 pt-4 dark:border-slate-800"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () =>
                api('POST', '/tts/tasks/transfer/', { task_item_id: taskItemId, user_id: Number(target), notes: transferNotes }),
              'Task transferred',
              'transfer',
            );
          }}
        >
          <Field id="transfer-user" label="Transfer to" error={fieldError(error, 'user_id')}>
            <NativeSelect id="transfer-user" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">Choose a user…</option>
              {transferTargets.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field id="transfer-notes" label="Transfer notes" error={fieldError(error, 'notes')}>
            <Textarea id="transfer-notes" value={transferNotes} onChange={(e) => setTransferNotes(e.target.value)} rows={2} />
          </Field>
          <Button type="submit" variant="secondary" pending={pendingKey === 'transfer'}>
            Transfer
          </Button>
        </form>
      )}
    </div>
  );
}
