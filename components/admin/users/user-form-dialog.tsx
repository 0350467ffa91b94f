'use client';

import { Pencil, UserPlus } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { describedBy, Field, FormError } from '@/components/ui/field';
import { Checkbox, Input } from '@/components/ui/input';
import { ApiError, api, fieldError } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';
import type { AdminUser } from './types';

type Values = Record<'username' | 'email' | 'first_name' | 'last_name' | 'phone_number' | 'password', string>;

/** Create (no `user`) or edit a user in a dialog; field errors from the API appear next to each field. */
export function UserFormDialog({ user }: { user?: AdminUser }) {
  const [open, setOpen] = useState(false);
  const { pending, error, setError, run } = useMutation();
  const editing = !!user;

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const v = Object.fromEntries(
      ['username', 'email', 'first_name', 'last_name', 'phone_number', 'password'].map((k) => [
        k,
        String(form.get(k) ?? '').trim(),
      ]),
    ) as Values;
    const body: Record<string, unknown> = {
      username: v.username,
      email: v.email,
      first_name: v.first_name,
      last_name: v.last_name,
      phone_number: v.phone_number || null,
    };
    if (v.password || !editing) body.password = v.password;
    if (editing) body.is_active = form.get('is_active') === 'on';
    const ok = await run(
      () => (editing ? api('PATCH', `/auth/api/v1/users/${user.id}/`, body) : api('POST', '/auth/api/v1/users/', body)),
      editing ? `Saved ${v.username}` : `Created ${v.username}`,
    );
    if (ok) setOpen(false);
  }

  const err = (f: string) => fieldError(error, f);
  const formError = error instanceof ApiError && Object.keys(error.fields).length === 0 ? error.message : undefined;
  const prefix = editing ? `edit-${user.id}` : 'new-user';
  const field = (name: keyof Values, label: string, props: React.ComponentProps<'input'> = {}, hint?: string) => {
    const id = `${prefix}-${name}`;
    return (
      <Field id={id} label={label} error={err(name)} hint={hint}>
        <Input id={id} name={name} aria-invalid={!!err(name)} aria-describedby={describedBy(id, err(name), hint)} {...props} />
      </Field>
    );
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setError(null);
      }}
    >
      <DialogTrigger asChild>
        {editing ? (
          <Button variant="secondary" size="sm" aria-label={`Edit ${user.username}`}>
            <Pencil className="h-3.5 w-3.5" aria-hidden /> Edit
          </Button>
        ) : (
          <Button>
            <UserPlus className="h-4 w-4" aria-hidden /> New user
          </Button>
        )}
      </DialogTrigger>
      <DialogContent
        title={editing ? `Edit ${user.username}` : 'New user'}
        description={editing ? undefined : 'The user can sign in once created. Assign roles afterwards.'}
      >
        <form onSubmit={onSubmit} noValidate className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-2">
            {field('username', 'Username', { defaultValue: user?.username, required: true, autoComplete: 'off' })}
            {field('email', 'E-mail', { defaultValue: user?.email, type: 'email', required: true, autoComplete: 'off' })}
            {field('first_name', 'First name', { defaultValue: user?.first_name })}
            {field('last_name', 'Last name', { defaultValue: user?.last_name })}
            {field('phone_number', 'Phone', { defaultValue: user?.phone_number ?? '', type: 'tel' })}
            {field(
              'password',
              editing ? 'New password' : 'Password',
              { type: 'password', required: !editing, autoComplete: 'new-password' },
              editing ? 'Leave empty to keep the current password' : 'At least 10 characters with letters and digits',
            )}
          </div>
          {editing && (
            <div className="flex items-center gap-2">
              <Checkbox id={`${prefix}-is_active`} name="is_active" defaultChecked={user.is_active} />
              <label htmlFor={`${prefix}-is_active`} className="text-sm">
                Active (can sign in)
              </label>
            </div>
          )}
          <FormError>{formError}</FormError>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" pending={pending}>
              {editing ? 'Save changes' : 'Create user'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
