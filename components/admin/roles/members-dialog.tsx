'use client';

import { UserMinus, Users } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { FieldSelect } from '@/components/ui/form-controls';
import { api } from '@/lib/client/api';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { useMutation } from '@/lib/client/use-mutation';
import { workflowRoleMemberInput } from '@/lib/domain/workflow/schemas';
import type { AdminWorkflowRole, PersonOption } from './types';

/** The people in a role: add one from the directory, remove one (their sessions end, as for any role removal). */
export function MembersDialog({ role, people }: { role: AdminWorkflowRole; people: PersonOption[] }) {
  const [open, setOpen] = useState(false);
  const remove = useMutation({ toastErrors: false });
  const { form, submit, errorOf, formError, pending, reset } = useDomainForm(workflowRoleMemberInput, {
    defaultValues: { user_id: '' },
  });
  const candidates = people.filter((p) => !role.members.some((m) => m.user_id === p.id));
  const selectId = `members-${role.role_id}-add`;
  const nameOf = (id: number) => people.find((p) => p.id === id)?.name ?? 'Person';
  const add = submit(
    ({ user_id }) => api('POST', '/auth/api/v1/user-roles/', { user_id, role_id: role.role_id, system: 'tts' }),
    `${nameOf(Number(form.watch('user_id')))} added to ${role.name}`,
    () => form.reset({ user_id: '' }),
  );
  const removeError = remove.error instanceof Error ? remove.error.message : remove.error ? 'Something went wrong' : undefined;

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          reset();
          remove.setError(null);
          form.reset({ user_id: '' });
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={`Members of ${role.name}`}>
          <Users className="h-3.5 w-3.5" aria-hidden /> Members
        </Button>
      </DialogTrigger>
      <DialogContent title={`Members of ${role.name}`} description="Tasks of steps with this role go to these people in turn.">
        <div className="space-y-4">
          {role.members.length === 0 ? (
            <p className="text-sm text-slate-500">
              Nobody yet. A workflow step with this role cannot be deployed until someone is added.
            </p>
          ) : (
            <ul className="divide-y divide-slate-200 dark:divide-slate-700" aria-label="Members">
              {role.members.map((m) => (
                <li key={m.assignment_id} className="flex items-center justify-between gap-2 py-2 text-sm">
                  <span>
                    {m.name} <span className="font-mono text-xs text-slate-500">{m.username}</span>
                    {!m.is_active && <span className="ml-1 text-xs text-slate-500">(inactive account)</span>}
                  </span>
                  <Button
                    variant="ghost"
                    size="sm"
                    pending={remove.pendingKey === `remove-${m.assignment_id}`}
                    disabled={remove.pending}
                    aria-label={`Remove ${m.username} from ${role.name}`}
                    onClick={() =>
                      remove.run(
                        () => api('DELETE', `/auth/api/v1/user-roles/${m.assignment_id}/`),
                        `${m.name} removed from ${role.name}`,
                        `remove-${m.assignment_id}`,
                      )
                    }
                  >
                    <UserMinus className="h-3.5 w-3.5" aria-hidden /> Remove
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {role.is_active && (
            <form onSubmit={add} noValidate className="flex items-end gap-2">
              <FieldSelect
                id={selectId}
                label="Add a person"
                fieldClassName="flex-1"
                error={errorOf('user_id')}
                {...form.register('user_id')}
              >
                <option value="">Choose…</option>
                {candidates.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.username})
                  </option>
                ))}
              </FieldSelect>
              <Button type="submit" pending={pending}>
                Add
              </Button>
            </form>
          )}
          <FormError>{formError ?? removeError}</FormError>
        </div>
      </DialogContent>
    </Dialog>
  );
}
