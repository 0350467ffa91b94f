'use client';

import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { FieldSelect, FieldTextarea } from '@/components/ui/form-controls';
import { api } from '@/lib/client/api';
import { chosen } from '@/lib/client/form-schemas';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { escalateInput, transferInput, transitionActionInput } from '@/lib/domain/workflow/schemas';

interface Action {
  action_id: number | string;
  name: string;
  description: string;
  kind: string;
}

const moveForm = transitionActionInput.pick({ notes: true }).extend({ choice: chosen(z.string(), 'Choose an action') });
const escalateForm = escalateInput.pick({ reason: true });
const transferForm = transferInput.pick({ notes: true }).extend({
  user_id: chosen(transferInput.shape.user_id, 'Choose a user'),
});
const separated = 'space-y-3 border-t border-slate-200 pt-4 dark:border-slate-800';

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
  return (
    <div className="space-y-6">
      {moves.length > 0 && <MoveForm taskItemId={taskItemId} moves={moves} />}
      {actions.some((a) => a.kind === 'escalate') && <EscalateForm taskItemId={taskItemId} />}
      {actions.some((a) => a.kind === 'transfer') && <TransferForm taskItemId={taskItemId} targets={transferTargets} />}
    </div>
  );
}

function MoveForm({ taskItemId, moves }: { taskItemId: number; moves: Action[] }) {
  const { form, submit, errorOf, formError, pending } = useDomainForm(moveForm, {
    defaultValues: { choice: String(moves[0]?.action_id ?? ''), notes: '' },
  });
  const finalizing = form.watch('choice') === 'finalize';
  return (
    <form
      noValidate
      aria-label="Act on this task"
      className="space-y-3"
      onSubmit={submit(
        ({ choice, notes }) =>
          api('POST', '/tts/transitions/', {
            task_item_id: taskItemId,
            transition_id: choice === 'finalize' ? null : Number(choice),
            notes,
          }),
        finalizing ? 'Task finalized' : 'Task moved to the next step',
      )}
    >
      <FormError>{formError}</FormError>
      <FieldSelect id="action" label="Action" error={errorOf('choice')} {...form.register('choice')}>
        {moves.map((a) => (
          <option key={String(a.action_id)} value={String(a.action_id)}>
            {a.name} — {a.description}
          </option>
        ))}
      </FieldSelect>
      <FieldTextarea id="notes" label="Notes" rows={3} error={errorOf('notes')} {...form.register('notes')} />
      <Button type="submit" pending={pending}>
        Submit action
      </Button>
    </form>
  );
}

function EscalateForm({ taskItemId }: { taskItemId: number }) {
  const { form, submit, errorOf, formError, pending } = useDomainForm(escalateForm, { defaultValues: { reason: '' } });
  return (
    <form
      noValidate
      aria-label="Escalate"
      className={separated}
      onSubmit={submit((v) => api('POST', '/tts/tasks/escalate/', { task_item_id: taskItemId, ...v }), 'Task escalated')}
    >
      <FormError>{formError}</FormError>
      <FieldTextarea id="reason" label="Escalation reason" rows={2} error={errorOf('reason')} {...form.register('reason')} />
      <Button type="submit" variant="secondary" pending={pending}>
        Escalate
      </Button>
    </form>
  );
}

/** Transfer an assignment to another holder of its role; `onDone` runs once it succeeded (a dialog closes). */
export function TransferForm({
  taskItemId,
  targets,
  onDone,
  className = separated,
}: {
  taskItemId: number;
  targets: { id: number; name: string }[];
  onDone?: () => void;
  className?: string;
}) {
  const { form, submit, errorOf, formError, pending } = useDomainForm(transferForm, {
    defaultValues: { user_id: '', notes: '' },
  });
  return (
    <form
      noValidate
      aria-label="Transfer"
      className={className}
      onSubmit={submit(
        (v) => api('POST', '/tts/tasks/transfer/', { task_item_id: taskItemId, ...v }),
        'Task transferred',
        onDone,
      )}
    >
      <FormError>{formError}</FormError>
      <FieldSelect id="transfer-user" label="Transfer to" error={errorOf('user_id')} {...form.register('user_id')}>
        <option value="">Choose a user…</option>
        {targets.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </FieldSelect>
      <FieldTextarea id="transfer-notes" label="Transfer notes" rows={2} error={errorOf('notes')} {...form.register('notes')} />
      <Button type="submit" variant="secondary" pending={pending}>
        Transfer
      </Button>
    </form>
  );
}

const takeOverForm = transferInput.pick({ notes: true });

/** Take an assignment over: the same transfer, to the caller. */
export function TakeOverForm({ taskItemId, selfId, onDone }: { taskItemId: number; selfId: number; onDone?: () => void }) {
  const { form, submit, errorOf, formError, pending } = useDomainForm(takeOverForm, { defaultValues: { notes: '' } });
  return (
    <form
      noValidate
      aria-label="Take over"
      className="space-y-3"
      onSubmit={submit(
        (v) => api('POST', '/tts/tasks/transfer/', { task_item_id: taskItemId, user_id: selfId, ...v }),
        'You took the task over',
        onDone,
      )}
    >
      <FormError>{formError}</FormError>
      <FieldTextarea
        id="takeover-notes"
        label="Why you are taking it over"
        rows={2}
        error={errorOf('notes')}
        {...form.register('notes')}
      />
      <Button type="submit" pending={pending}>
        Take over
      </Button>
    </form>
  );
}
