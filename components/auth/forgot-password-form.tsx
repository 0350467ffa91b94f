'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { FieldInput } from '@/components/ui/form-controls';
import { api } from '@/lib/client/api';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { passwordResetRequestInput } from '@/lib/domain/identity/schemas';

export function ForgotPasswordForm() {
  const [sent, setSent] = useState<string | null>(null);
  const { form, submit, errorOf, formError, pending } = useDomainForm(passwordResetRequestInput, {
    defaultValues: { email: '' },
  });
  const onSubmit = submit(async (v) => {
    const res = await api<{ message: string }>('POST', '/auth/api/v1/users/password-reset/', v);
    setSent(res.message);
  }, 'Reset link requested');

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
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FieldInput
        id="email"
        label="E-mail address"
        type="email"
        autoComplete="email"
        required
        error={errorOf('email')}
        {...form.register('email')}
      />
      <FormError>{formError}</FormError>
      <Button type="submit" pending={pending} className="w-full">
        Send reset link
      </Button>
      <Link href="/login" className="block text-center text-sm text-brand-700 hover:underline dark:text-brand-300">
        Back to sign in
      </Link>
    </form>
  );
}
