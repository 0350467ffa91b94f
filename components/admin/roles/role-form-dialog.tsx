'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { Pencil, Plus } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { describedBy, Field, FormError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { ApiError, api } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';
import { workflowRoleCreateInput } from '@/lib/domain/workflow/schemas';
import type { AdminWorkflowRole } from './types';

type In = z.input<typeof workflowRoleCreateInput>;
type Out = z.output<typeof workflowRoleCreateInput>;

/** New workflow role (no `role`) or rename/describe one; the browser checks with the API's own schema. */
export function RoleFormDialog({ role }: { role?: AdminWorkflowRole }) {
  const [open, setOpen] = useState(false);
  const { pending, error, setError, run } = useMutation({ toastErrors: false });
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(workflowRoleCreateInput),
    defaultValues: { name: role?.name ?? '', description: role?.description ?? '' },
  });
  const { register, handleSubmit, formState, reset } = form;
  const err = (k: keyof In) =>
    (formState.errors[k]?.message as string | undefined) ?? (error instanceof ApiError ? error.fields[k]?.[0] : undefined);
  const formError = error instanceof ApiError && !Object.keys(error.fields).length ? error.message : undefined;
  const prefix = role ? `role-${role.role_id}` : 'new-role';

  const submit = handleSubmit(async (values) => {
    const ok = await run(
      () => (role ? api('PATCH', `/tts/roles/${role.role_id}/`, values) : api('POST', '/tts/roles/', values)),
      role ? `Role ${values.name} saved` : `Role ${values.name} created`,
    );
    if (ok) setOpen(false);
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) reset({ name: role?.name ?? '', description: role?.description ?? '' });
        else setError(null);
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
        <form onSubmit={submit} noValidate className="space-y-4">
          <FormError>{formError}</FormError>
          <Field id={`${prefix}-name`} label="Name" error={err('name')}>
            <Input
              id={`${prefix}-name`}
              maxLength={100}
              aria-invalid={!!err('name')}
              aria-describedby={describedBy(`${prefix}-name`, err('name'))}
              {...register('name')}
            />
          </Field>
          <Field id={`${prefix}-description`} label="Description" error={err('description')}>
            <Textarea
              id={`${prefix}-description`}
              rows={3}
              maxLength={500}
              aria-invalid={!!err('description')}
              aria-describedby={describedBy(`${prefix}-description`, err('description'))}
              {...register('description')}
            />
          </Field>
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
