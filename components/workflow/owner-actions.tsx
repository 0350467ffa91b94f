'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FormError } from '@/components/ui/field';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { ApiError, api, fieldError } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';

/** Escalate ownership (the owner) and transfer ownership (admins) of an owned ticket. */
export function OwnerActions({
  ticketNumber,
  canEscalate,
  canTransfer,
  coordinators,
}: {
  ticketNumber: string;
  canEscalate: boolean;
  canTransfer: boolean;
  coordinators: { id: number; name: string }[];
}) {
  const [reason, setReason] = useState('');
  const [owner, setOwner] = useState('');
  const [why, setWhy] = useState('');
  const { pendingKey, error, run } = useMutation({ toastErrors: false });
  if (!canEscalate && !canTransfer) return <p className="text-sm text-slate-500">No ownership action is available to you.</p>;
  return (
    <div className="space-y-5">
      <FormError>{error instanceof ApiError && !Object.keys(error.fields).length ? error.message : undefined}</FormError>
      {canEscalate && (
        <form
          aria-label="Escalate ownership"
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () => api('POST', '/tts/tasks/ticket-owner/escalate/', { ticket_number: ticketNumber, reason }),
              'Ticket escalated to an admin',
              'escalate',
            );
          }}
        >
          <Field id="owner-reason" label="Why escalate to an admin?" error={fieldError(error, 'reason')}>
            <Textarea id="owner-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <Button type="submit" variant="secondary" pending={pendingKey === 'escalate'}>
            Escalate ownership
          </Button>
        </form>
      )}
      {canTransfer && (
        <form
          aria-label="Transfer ownership"
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () =>
                api('POST', '/tts/tasks/ticket-owner/transfer/', {
                  ticket_number: ticketNumber,
                  new_owner_id: Number(owner),
                  reason: why || undefined,
                }),
              'Ownership transferred',
              'transfer',
            );
          }}
        >
          <Field id="new-owner" label="New owner" error={fieldError(error, 'new_owner_id')}>
            <NativeSelect id="new-owner" value={owner} onChange={(e) => setOwner(e.target.value)}>
              <option value="">Choose a coordinator…</option>
              {coordinators.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field id="transfer-reason" label="Reason (optional)">
            <Textarea id="transfer-reason" rows={2} value={why} onChange={(e) => setWhy(e.target.value)} />
          </Field>
          <Button type="submit" variant="secondary" pending={pendingKey === 'transfer'}>
            Transfer ownership
          </Button>
        </form>
      )}
    </div>
  );
}
