'use client';

import { Clock } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { FieldSelect } from '@/components/ui/form-controls';
import { api } from '@/lib/client/api';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { PAUSABLE_STATUSES, workflowClockInput } from '@/lib/domain/workflow/schemas';

const PAUSE_WORDS: Record<(typeof PAUSABLE_STATUSES)[number], string> = {
  'On Hold': 'On Hold (waiting for the requester)',
  Open: 'Open',
  'In Progress': 'In Progress',
};

/** A workflow's SLA clock: the business hours it counts in and the ticket statuses that stop it. */
export function SlaClockDialog({
  workflow,
  calendars,
}: {
  workflow: { workflow_id: number; name: string; calendar_id: number | null; pause_statuses: string[] };
  calendars: { calendar_id: number; name: string; time_zone: string }[];
}) {
  const [open, setOpen] = useState(false);
  const defaults = {
    calendar_id: workflow.calendar_id == null ? '' : String(workflow.calendar_id),
    pause_statuses: workflow.pause_statuses as (typeof PAUSABLE_STATUSES)[number][],
  };
  const { form, submit, errorOf, formError, pending, reset } = useDomainForm(workflowClockInput, { defaultValues: defaults });
  const prefix = `wf-${workflow.workflow_id}-clock`;
  const onSubmit = submit(
    (values) => api('PATCH', `/tts/workflows/${workflow.workflow_id}/`, values),
    'SLA clock saved',
    () => setOpen(false),
  );
  const current = calendars.find((c) => c.calendar_id === workflow.calendar_id);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          reset();
          form.reset(defaults);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={`Business hours of ${workflow.name}`}>
          <Clock className="h-3.5 w-3.5" aria-hidden /> {current ? current.name : 'Around the clock'}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`SLA clock of ${workflow.name}`}
        description="New tickets count their time in this calendar. While a ticket waits in a pausing status, its clock stops."
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <FormError>{formError}</FormError>
          <FieldSelect
            id={`${prefix}-calendar`}
            label="Business hours"
            error={errorOf('calendar_id')}
            {...form.register('calendar_id')}
          >
            <option value="">Around the clock, every day (24×7)</option>
            {calendars.map((c) => (
              <option key={c.calendar_id} value={String(c.calendar_id)}>
                {c.name} ({c.time_zone})
              </option>
            ))}
          </FieldSelect>
          <fieldset>
            <legend className="text-sm font-medium">The clock stops while the ticket is</legend>
            <div className="mt-2 space-y-1.5">
              {PAUSABLE_STATUSES.map((s) => (
                <label key={s} className="flex items-center gap-2 text-sm" htmlFor={`${prefix}-${s}`}>
                  <input
                    id={`${prefix}-${s}`}
                    type="checkbox"
                    value={s}
                    className="h-4 w-4"
                    {...form.register('pause_statuses')}
                  />
                  {PAUSE_WORDS[s]}
                </label>
              ))}
            </div>
            {errorOf('pause_statuses') && (
              <p className="mt-1 text-xs text-red-700 dark:text-red-400">{errorOf('pause_statuses')}</p>
            )}
          </fieldset>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" pending={pending}>
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
