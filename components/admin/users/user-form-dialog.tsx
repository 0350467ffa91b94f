'use client';

import { Pencil, UserPlus } from 'lucide-react';
import { useState } from 'react';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { FieldInput } from '@/components/ui/form-controls';
import { Checkbox } from '@/components/ui/input';
import { api } from '@/lib/client/api';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { password, userCreateInput, userUpdateInput } from '@/lib/domain/identity/schemas';
import type { AdminUser } from './types';

/** Editing: an empty password field keeps the current password. */
const userEditForm = userUpdateInput.extend({ password: z.union([z.literal(''), password]) });

/** Create (no `user`) or edit a user in a dialog; the browser checks what the API checks, field by field. */
export function UserFormDialog({ user }: { user?: AdminUser }) {
  const [open, setOpen] = useState(false);
  const editing = !!user;
  const defaults = {
    username: user?.username ?? '',
    email: user?.email ?? '',
    first_name: user?.first_name ?? '',
    last_name: user?.last_name ?? '',
    phone_number: user?.phone_number ?? '',
    password: '',
    is_active: user?.is_active ?? true,
  };
  const { form, submit, errorOf, formError, pending, reset } = useDomainForm(editing ? userEditForm : userCreateInput, {
    defaultValues: defaults,
    toastErrors: true,
  });
  const onSubmit = submit(
    ({ password: pw, phone_number, is_active, ...v }) => {
      const body = { ...v, phone_number: phone_number || null, ...(pw ? { password: pw } : {}) };
      return editing
        ? api('PATCH', `/auth/api/v1/users/${user.id}/`, { ...body, is_active })
        : api('POST', '/auth/api/v1/users/', body);
    },
    editing ? `Saved ${form.getValues('username')}` : `Created ${form.getValues('username')}`,
    () => setOpen(false),
  );

  const prefix = editing ? `edit-${user.id}` : 'new-user';
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
            <FieldInput
              id={`${prefix}-username`}
              label="Username"
              required
              autoComplete="off"
              error={errorOf('username')}
              {...form.register('username')}
            />
            <FieldInput
              id={`${prefix}-email`}
              label="E-mail"
              type="email"
              required
              autoComplete="off"
              error={errorOf('email')}
              {...form.register('email')}
            />
            <FieldInput
              id={`${prefix}-first_name`}
              label="First name"
              error={errorOf('first_name')}
              {...form.register('first_name')}
            />
            <FieldInput
              id={`${prefix}-last_name`}
              label="Last name"
              error={errorOf('last_name')}
              {...form.register('last_name')}
            />
            <FieldInput
              id={`${prefix}-phone_number`}
              label="Phone"
              type="tel"
              error={errorOf('phone_number')}
              {...form.register('phone_number')}
            />
            <FieldInput
              id={`${prefix}-password`}
              label={editing ? 'New password' : 'Password'}
              type="password"
              required={!editing}
              autoComplete="new-password"
              hint={editing ? 'Leave empty to keep the current password' : 'At least 10 characters with letters and digits'}
              error={errorOf('password')}
              {...form.register('password')}
            />
          </div>
          {editing && (
            <div className="flex items-center gap-2">
              <Checkbox id={`${prefix}-is_active`} {...form.register('is_active')} />
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
