'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { describedBy, Field, FormError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ApiError, api, fieldError } from '@/lib/client/api';

export function ForgotPasswordForm() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get('email') ?? '');
    setPending(true);
    setError(null);
    try {
      const res = await api<{ message: string }>('POST', '/auth/api/v1/users/password-reset/', { email });
      setSent(res.message);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  }

  if (sent)
    return (
      <div className="space-y-4">
        <p role="status" className="text-sm">
          {sent}
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No e-mail after a few minutes? Check the spam folder, then try again.
        </p>
        <Link href="/login" className="block text-center text-sm text-brand-700 hover:underline dark:text-brand-300">
          Back to sign in
        </Link>
      </div>
    );
  const emailError = fieldError(error, 'email');
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field id="email" label="E-mail address" error={emailError}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={!!emailError}
          aria-describedby={describedBy('email', emailError)}
        />
      </Field>
      <FormError>{error instanceof ApiError && !emailError ? error.message : undefined}</FormError>
      <Button type="submit" pending={pending} className="w-full">
        Send reset link
      </Button>
      <Link href="/login" className="block text-center text-sm text-brand-700 hover:underline dark:text-brand-300">
        Back to sign in
      </Link>
    </form>
  );
}
