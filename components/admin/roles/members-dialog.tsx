'use client';

import { UserMinus, Users } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { Field, FormError } from '@/components/ui/field';
import { NativeSelect } from '@/components/ui/native-select';
import { ApiError, api } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';
import type { AdminWorkflowRole, PersonOption } from './types';

/** The people in a role: add one from the directory, remove one (their sessions end, as for any role removal). */
export function MembersDialog({ role, people }: { role: AdminWorkflowRole; people: PersonOption[] }) {
  const [open, setOpen] = useState(false);
  const [userId, setUserId] = useState('');
  const { pending, pendingKey, error, setError, run } = useMutation({ toastErrors: false });
  const candidates = people.filter((p) => !role.members.some((m) => m.user_id === p.id));
  const selectId = `members-${role.role_id}-add`;

  async function add(e: React.FormEvent) {
    e.preventDefault();
    if (!userId) {
      setError(new ApiError(400, 'VALIDATION_ERROR', 'Choose a person', { user_id: ['Choose a person'] }));
      return;
    }
    const person = people.find((p) => String(p.id) === userId);
    const ok = await run(
      () => api('POST', '/auth/api/v1/user-roles/', { user_id: Number(userId), role_id: role.role_id, system: 'tts' }),
      `${person?.name ?? 'Person'} added to ${role.name}`,
      'add',
    );
    if (ok) setUserId('');
  }

  const message =
    error instanceof ApiError ? (error.fields.user_id?.[0] ?? error.fields.role_id?.[0] ?? error.message) : undefined;

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setError(null);
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
                    pending={pendingKey === `remove-${m.assignment_id}`}
                    disabled={pending}
                    aria-label={`Remove ${m.username} from ${role.name}`}
                    onClick={() =>
                      run(
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
            <form onSubmit={add} className="flex items-end gap-2">
              <Field id={selectId} label="Add a person" className="flex-1">
                <NativeSelect id={selectId} value={userId} onChange={(e) => setUserId(e.target.value)}>
                  <option value="">Choose…</option>
                  {candidates.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} ({p.username})
                    </option>
                  ))}
                </NativeSelect>
              </Field>
              <Button type="submit" pending={pendingKey === 'add'}>
                Add
              </Button>
            </form>
          )}
          <FormError>{message}</FormError>
        </div>
      </DialogContent>
    </Dialog>
  );
}
