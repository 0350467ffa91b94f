'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { NativeSelect } from '@/components/ui/native-select';
import { api } from '@/lib/client/api';

/** Route one unassigned ticket to a deployed workflow. */
export function ManualAssign({ ticketNumber, workflows }: { ticketNumber: string; workflows: { id: number; name: string }[] }) {
  const router = useRouter();
  const [workflow, setWorkflow] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      aria-label={`Assign ${ticketNumber}`}
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        setError(null);
        try {
          await api('POST', `/tts/unassigned-tickets/${ticketNumber}/assign/`, { workflow_id: Number(workflow) });
          toast.success(`${ticketNumber} assigned`);
          router.refresh();
        } catch (err) {
          setError(err instanceof Error ? err.message : 'Could not assign');
        } finally {
          setPending(false);
        }
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
      <FormError>{error}</FormError>
    </form>
  );
}
