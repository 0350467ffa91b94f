'use client';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { FieldInput } from '@/components/ui/form-controls';
import { api } from '@/lib/client/api';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { profileUpdateInput } from '@/lib/domain/identity/schemas';

const profileForm = profileUpdateInput.pick({ first_name: true, last_name: true, phone_number: true });

export function ProfileForm({ profile }: { profile: { first_name: string; last_name: string; phone_number: string | null } }) {
  const { form, submit, errorOf, formError, pending } = useDomainForm(profileForm, {
    defaultValues: { first_name: profile.first_name, last_name: profile.last_name, phone_number: profile.phone_number ?? '' },
    toastErrors: true,
  });
  const onSubmit = submit(
    (v) => api('PATCH', '/auth/api/v1/users/profile/', { ...v, phone_number: v.phone_number || null }),
    'Profile saved',
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <FieldInput
          id="profile-first_name"
          label="First name"
          autoComplete="given-name"
          error={errorOf('first_name')}
          {...form.register('first_name')}
        />
        <FieldInput
          id="profile-last_name"
          label="Last name"
          autoComplete="family-name"
          error={errorOf('last_name')}
          {...form.register('last_name')}
        />
        <FieldInput
          id="profile-phone_number"
          label="Phone"
          type="tel"
          autoComplete="tel"
          error={errorOf('phone_number')}
          {...form.register('phone_number')}
        />
      </div>
      <FormError>{formError}</FormError>
      <Button type="submit" pending={pending}>
        Save profile
      </Button>
    </form>
  );
}
