'use client';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { FieldInput } from '@/components/ui/form-controls';
import { api } from '@/lib/client/api';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { changePasswordInput } from '@/lib/domain/identity/schemas';

const PASSWORD_HINT = 'At least 10 characters with letters and digits';

/** The API's schema plus the repeat field, which only the browser checks. */
const changePasswordForm = changePasswordInput
  .extend({ confirm_password: changePasswordInput.shape.old_password })
  .refine((v) => v.new_password === v.confirm_password, { message: 'The passwords do not match', path: ['confirm_password'] });

export function ChangePasswordForm() {
  const { form, submit, errorOf, formError, pending } = useDomainForm(changePasswordForm, {
    defaultValues: { old_password: '', new_password: '', confirm_password: '' },
    toastErrors: true,
  });
  const onSubmit = submit(
    ({ old_password, new_password }) => api('POST', '/auth/api/v1/users/change-password/', { old_password, new_password }),
    'Password changed. Your other sessions were signed out.',
    () => form.reset(),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-3">
        <FieldInput
          id="password-old_password"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          error={errorOf('old_password')}
          {...form.register('old_password')}
        />
        <FieldInput
          id="password-new_password"
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint={PASSWORD_HINT}
          error={errorOf('new_password')}
          {...form.register('new_password')}
        />
        <FieldInput
          id="password-confirm_password"
          label="Repeat new password"
          type="password"
          autoComplete="new-password"
          required
          error={errorOf('confirm_password')}
          {...form.register('confirm_password')}
        />
      </div>
      <FormError>{formError}</FormError>
      <Button type="submit" pending={pending}>
        Change password
      </Button>
    </form>
  );
}
