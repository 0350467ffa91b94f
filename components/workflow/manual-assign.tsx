'use client';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { NativeSelect } from '@/components/ui/native-select';
import { api } from '@/lib/client/api';
import { chosen } from '@/lib/client/form-schemas';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { manualAssignInput } from '@/lib/domain/workflow/schemas';

const assignForm = manualAssignInput.extend({
  workflow_id: chosen(manualAssignInput.shape.workflow_id, 'Choose a workflow'),
});

/** Route one unassigned ticket to a deployed workflow. */
export function ManualAssign({ ticketNumber, workflows }: { ticketNumber: string; workflows: { id: number; name: string }[] }) {
  const { form, submit, errorOf, formError, pending } = useDomainForm(assignForm, { defaultValues: { workflow_id: '' } });
  const chosen = form.watch('workflow_id');
  return (
    <form
      noValidate
      className="flex flex-wrap items-center gap-2"
      aria-label={`Assign ${ticketNumber}`}
      onSubmit={submit((v) => api('POST', `/tts/unassigned-tickets/${ticketNumber}/assign/`, v), `${ticketNumber} assigned`)}
    >
      <label htmlFor={`wf-${ticketNumber}`} className="sr-only">
        Workflow for {ticketNumber}
      </label>
      <NativeSelect
        id={`wf-${ticketNumber}`}
        className="w-60"
        aria-invalid={!!errorOf('workflow_id')}
        {...form.register('workflow_id')}
      >
        <option value="">Choose a workflow…</option>
        {workflows.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </NativeSelect>
      <Button type="submit" size="sm" pending={pending} disabled={!chosen}>
        Assign
      </Button>
      <FormError>{errorOf('workflow_id') ?? formError}</FormError>
    </form>
  );
}
