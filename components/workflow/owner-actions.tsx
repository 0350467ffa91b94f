'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ChangedSincePrompt, isStaleWrite } from '@/components/ui/changed-since-prompt';
import { FormError } from '@/components/ui/field';
import { FieldSelect, FieldTextarea } from '@/components/ui/form-controls';
import { api } from '@/lib/client/api';
import { chosen } from '@/lib/client/form-schemas';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { ownerEscalateInput, ownerTransferInput } from '@/lib/domain/workflow/schemas';

const escalateForm = ownerEscalateInput.pick({ reason: true });
const transferForm = ownerTransferInput.pick({ reason: true }).extend({
  new_owner_id: chosen(ownerTransferInput.shape.new_owner_id, 'Choose a coordinator'),
});

/** Escalate ownership (the owner) and transfer ownership (admins) of an owned ticket. */
export function OwnerActions({
  ticketNumber,
  ownerId,
  canEscalate,
  canTransfer,
  coordinators,
}: {
  ticketNumber: string;
  /** The owner this page shows: a transfer is refused (and asks) when it changed since. */
  ownerId: number | null;
  canEscalate: boolean;
  canTransfer: boolean;
  coordinators: { id: number; name: string }[];
}) {
  if (!canEscalate && !canTransfer) return <p className="text-sm text-slate-500">No ownership action is available to you.</p>;
  return (
    <div className="space-y-5">
      {canEscalate && <EscalateOwnership ticketNumber={ticketNumber} />}
      {canTransfer && <TransferOwnership ticketNumber={ticketNumber} ownerId={ownerId} coordinators={coordinators} />}
    </div>
  );
}

function EscalateOwnership({ ticketNumber }: { ticketNumber: string }) {
  const { form, submit, errorOf, formError, pending } = useDomainForm(escalateForm, { defaultValues: { reason: '' } });
  return (
    <form
      noValidate
      aria-label="Escalate ownership"
      className="space-y-2"
      onSubmit={submit(
        (v) => api('POST', '/tts/tasks/ticket-owner/escalate/', { ticket_number: ticketNumber, ...v }),
        'Ticket escalated to an admin',
      )}
    >
      <FormError>{formError}</FormError>
      <FieldTextarea
        id="owner-reason"
        label="Why escalate to an admin?"
        rows={2}
        error={errorOf('reason')}
        {...form.register('reason')}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        Escalate ownership
      </Button>
    </form>
  );
}

function TransferOwnership({
  ticketNumber,
  ownerId,
  coordinators,
}: {
  ticketNumber: string;
  ownerId: number | null;
  coordinators: { id: number; name: string }[];
}) {
  // the owner this person saw; live refreshes of the page do not move it (they may not have noticed them)
  const [seen] = useState(ownerId);
  const { form, submit, errorOf, formError, error, pending } = useDomainForm(transferForm, {
    defaultValues: { new_owner_id: '', reason: '' },
  });
  const stale = isStaleWrite(error);
  return (
    <form
      noValidate
      aria-label="Transfer ownership"
      className="space-y-2"
      onSubmit={submit(
        ({ reason, new_owner_id }) =>
          api('POST', '/tts/tasks/ticket-owner/transfer/', {
            ticket_number: ticketNumber,
            new_owner_id,
            reason: reason || undefined,
            expected_owner_id: seen,
          }),
        'Ownership transferred',
      )}
    >
      {stale ? <ChangedSincePrompt what="transfer it" /> : <FormError>{formError}</FormError>}
      <FieldSelect id="new-owner" label="New owner" error={errorOf('new_owner_id')} {...form.register('new_owner_id')}>
        <option value="">Choose a coordinator…</option>
        {coordinators.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </FieldSelect>
      <FieldTextarea
        id="transfer-reason"
        label="Reason (optional)"
        rows={2}
        error={errorOf('reason')}
        {...form.register('reason')}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        Transfer ownership
      </Button>
    </form>
  );
}
