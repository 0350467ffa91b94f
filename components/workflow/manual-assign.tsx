'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { NativeSelect } from '@/components/ui/native-select';
import { api } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';

/** Route one unassigned ticket to a deployed workflow. */
export function ManualAssign({ ticketNumber, workflows }: { ticketNumber: string; workflows: { id: number; name: string }[] }) {
  const [workflow, setWorkflow] = useState('');
  const { pending, error, run } = useMutation({ toastErrors: false });
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      aria-label={`Assign ${ticketNumber}`}
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          () => api('POST', `/tts/unassigned-tickets/${ticketNumber}/assign/`, { workflow_id: Number(workflow) }),
          `${ticketNumber} assigned`,
        );
      }}
    >
      <label htmlFor={`wf-${ticketNumber}`} className="sr-only">
        Workflow for {ticketNumber}
      </label>
      <NativeSelect id={`wf-${ticketNumber}`} value={workflow} onChange={(e) => setWorkflow(e.target.value)} className="w-60">
        <option value="">Choose a workflow…</option>
        {workflows.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </NativeSelect>
      <Button type="submit" size="sm" pending={pending} disabled={!workflow}>
        Assign
      </Button>
      <FormError>{error ? (error instanceof Error ? error.message : 'Could not assign') : null}</FormError>
    </form>
  );
}
