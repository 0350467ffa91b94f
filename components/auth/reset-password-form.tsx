'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { describedBy, Field, FormError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ApiError, api, fieldError } from '@/lib/client/api';

export function ResetPasswordForm({ token }: { token: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = String(form.get('new_password') ?? '');
    const repeat = String(form.get('confirm_password') ?? '');
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    setPending(true);
    setError(null);
    try {
      await api('POST', '/auth/api/v1/users/password-reset/confirm/', { token, new_password: next });
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  }

  if (done)
    return (
      <div className="space-y-4">
        <p role="status" className="text-sm">
          Your password was changed, and you were signed out everywhere. Sign in with the new password.
        </p>
        <Button asChild className="w-full">
          <Link href="/login">Sign in</Link>
        </Button>
      </div>
    );
  const errors = {
    new_password: fieldError(error, 'new_password'),
    confirm_password: mismatch ? 'The passwords do not match' : undefined,
  };
  const linkError = error instanceof ApiError && (error.code === 'INVALID_RESET_TOKEN' || fieldError(error, 'token'));
  const hint = 'At least 10 characters with letters and digits';
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field id="new_password" label="New password" error={errors.new_password} hint={hint}>
        <Input
          id="new_password"
          name="new_password"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={!!errors.new_password}
          aria-describedby={describedBy('new_password', errors.new_password, hint)}
        />
      </Field>
      <Field id="confirm_password" label="Repeat new password" error={errors.confirm_password}>
        <Input
          id="confirm_password"
          name="confirm_password"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={!!errors.confirm_password}
          aria-describedby={describedBy('confirm_password', errors.confirm_password)}
        />
      </Field>
      <FormError>
        {linkError ? (
          <>
            This link is not valid any more (it works once, for a limited time).{' '}
            <Link href="/forgot-password" className="underline">
              Ask for a new one
            </Link>
            .
          </>
        ) : error instanceof ApiError && !errors.new_password ? (
          error.message
        ) : undefined}
      </FormError>
      <Button type="submit" pending={pending} className="w-full">
        Set new password
      </Button>
    </form>
  );
}
