'use client';

import Link from 'next/link';
import { useState } from 'react';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { FieldInput } from '@/components/ui/form-controls';
import { ApiError, api } from '@/lib/client/api';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { passwordResetConfirmInput } from '@/lib/domain/identity/schemas';

/** The API's schema for the new password plus the repeat field, which only the browser checks. */
const resetForm = passwordResetConfirmInput
  .pick({ new_password: true })
  .extend({ confirm_password: z.string() })
  .refine((v) => v.new_password === v.confirm_password, { message: 'The passwords do not match', path: ['confirm_password'] });

export function ResetPasswordForm({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const [linkInvalid, setLinkInvalid] = useState(false);
  const { form, submit, errorOf, formError, pending } = useDomainForm(resetForm, {
    defaultValues: { new_password: '', confirm_password: '' },
  });
  const onSubmit = submit(
    async ({ new_password }) => {
      try {
        await api('POST', '/auth/api/v1/users/password-reset/confirm/', { token, new_password });
      } catch (e) {
        setLinkInvalid(e instanceof ApiError && (e.code === 'INVALID_RESET_TOKEN' || !!e.fields.token));
        throw e;
      }
    },
    'Password changed',
    () => setDone(true),
  );

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
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FieldInput
        id="new_password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters with letters and digits"
        error={errorOf('new_password')}
        {...form.register('new_password')}
      />
      <FieldInput
        id="confirm_password"
        label="Repeat new password"
        type="password"
        autoComplete="new-password"
        required
        error={errorOf('confirm_password')}
        {...form.register('confirm_password')}
      />
      <FormError>
        {linkInvalid ? (
          <>
            This link is not valid any more (it works once, for a limited time).{' '}
            <Link href="/forgot-password" className="underline">
              Ask for a new one
            </Link>
            .
          </>
        ) : (
          formError
        )}
      </FormError>
      <Button type="submit" pending={pending} className="w-full">
        Set new password
      </Button>
    </form>
  );
}
