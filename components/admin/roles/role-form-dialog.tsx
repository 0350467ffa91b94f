'use client';

import { Pencil, Plus } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { FieldInput, FieldTextarea } from '@/components/ui/form-controls';
import { api } from '@/lib/client/api';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { workflowRoleCreateInput } from '@/lib/domain/workflow/schemas';
import type { AdminWorkflowRole } from './types';

/** New workflow role (no `role`) or rename/describe one; the browser checks with the API's own schema. */
export function RoleFormDialog({ role }: { role?: AdminWorkflowRole }) {
  const [open, setOpen] = useState(false);
  const defaults = { name: role?.name ?? '', description: role?.description ?? '' };
  const { form, submit, errorOf, formError, pending, reset } = useDomainForm(workflowRoleCreateInput, {
    defaultValues: defaults,
  });
  const prefix = role ? `role-${role.role_id}` : 'new-role';
  const onSubmit = submit(
    (values) => (role ? api('PATCH', `/tts/roles/${role.role_id}/`, values) : api('POST', '/tts/roles/', values)),
    role ? 'Role saved' : 'Role created',
    () => setOpen(false),
  );

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
        {role ? (
          <Button variant="secondary" size="sm" aria-label={`Edit ${role.name}`}>
            <Pencil className="h-3.5 w-3.5" aria-hidden /> Edit
          </Button>
        ) : (
          <Button>
            <Plus className="h-4 w-4" aria-hidden /> New role
          </Button>
        )}
      </DialogTrigger>
      <DialogContent
        title={role ? `Edit ${role.name}` : 'New workflow role'}
        description="A role is a pool of people: a workflow step assigns its tasks to the role's members in turn."
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <FormError>{formError}</FormError>
          <FieldInput
            id={`${prefix}-name`}
            label="Name"
            required
            maxLength={100}
            error={errorOf('name')}
            {...form.register('name')}
          />
          <FieldTextarea
            id={`${prefix}-description`}
            label="Description"
            rows={3}
            maxLength={500}
            error={errorOf('description')}
            {...form.register('description')}
          />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" pending={pending}>
              {role ? 'Save role' : 'Create role'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
