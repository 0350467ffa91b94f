'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { describedBy, Field, FormError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ApiError, api, fieldError } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';

export function ChangePasswordForm() {
  const { pending, error, setError, run } = useMutation();
  const [mismatch, setMismatch] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const next = String(form.get('new_password') ?? '');
    setError(null);
    setMismatch(next !== String(form.get('confirm_password') ?? ''));
    if (next !== String(form.get('confirm_password') ?? '')) return;
    const ok = await run(
      () =>
        api('POST', '/auth/api/v1/users/change-password/', {
          old_password: String(form.get('old_password') ?? ''),
          new_password: next,
        }),
      'Password changed. Your other sessions were signed out.',
    );
    if (ok) formEl.reset();
  }

  const errors: Record<string, string | undefined> = {
    old_password: fieldError(error, 'old_password'),
    new_password: fieldError(error, 'new_password'),
    confirm_password: mismatch ? 'The passwords do not match' : undefined,
  };
  const hints: Record<string, string | undefined> = { new_password: 'At least 10 characters with letters and digits' };
  const input = (name: string, label: string, autoComplete: string) => {
    const id = `password-${name}`;
    return (
      <Field id={id} label={label} error={errors[name]} hint={hints[name]}>
        <Input
          id={id}
          name={name}
          type="password"
          autoComplete={autoComplete}
          required
          aria-invalid={!!errors[name]}
          aria-describedby={describedBy(id, errors[name], hints[name])}
        />
      </Field>
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-3">
        {input('old_password', 'Current password', 'current-password')}
        {input('new_password', 'New password', 'new-password')}
        {input('confirm_password', 'Repeat new password', 'new-password')}
      </div>
      <FormError>{error instanceof ApiError && Object.keys(error.fields).length === 0 ? error.message : undefined}</FormError>
      <Button type="submit" pending={pending}>
        Change password
      </Button>
    </form>
  );
}
