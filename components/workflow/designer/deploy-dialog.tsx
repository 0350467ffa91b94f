'use client';

import { Rocket } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { FieldTextarea } from '@/components/ui/form-controls';
import { api } from '@/lib/client/api';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { deployInput } from '@/lib/domain/workflow/version-schemas';

/** Deploy with a note saying what changed: the note shows in the version list. */
export function DeployDialog({ workflowId, disabled }: { workflowId: number; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const { form, submit, errorOf, formError, pending, reset } = useDomainForm(deployInput, { defaultValues: { note: '' } });
  const onSubmit = submit(
    (values) => api('POST', `/tts/workflows/${workflowId}/deploy/`, values),
    'Workflow deployed',
    () => {
      setOpen(false);
      form.reset({ note: '' });
    },
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" disabled={disabled}>
          <Rocket className="h-3.5 w-3.5" aria-hidden /> Deploy
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Deploy this workflow"
        description="New tickets will follow this version. Tickets already in progress stay on the version they started on."
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <FormError>{formError}</FormError>
          <FieldTextarea
            id="deploy-note"
            label="What changed (optional)"
            hint="Shown in the version list, e.g. “Managers approve before verification”"
            rows={3}
            maxLength={500}
            error={errorOf('note')}
            {...form.register('note')}
          />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" pending={pending}>
              Deploy now
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
