'use client';

import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { FieldInput, FieldSelect } from '@/components/ui/form-controls';
import { useBrowserTimeZone } from '@/components/ui/time';
import { api } from '@/lib/client/api';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { profileUpdateInput, timeZoneInput } from '@/lib/domain/identity/schemas';

// "" in the form is "the browser's zone" (null in the API)
const profileForm = profileUpdateInput
  .pick({ first_name: true, last_name: true, phone_number: true })
  .extend({ time_zone: z.union([z.literal(''), timeZoneInput]) });

export function ProfileForm({
  profile,
  zones,
}: {
  profile: { first_name: string; last_name: string; phone_number: string | null; time_zone: string | null };
  /** The zones the server knows (and accepts). */
  zones: string[];
}) {
  const browserZone = useBrowserTimeZone();
  const { form, submit, errorOf, formError, pending } = useDomainForm(profileForm, {
    defaultValues: {
      first_name: profile.first_name,
      last_name: profile.last_name,
      phone_number: profile.phone_number ?? '',
      time_zone: profile.time_zone ?? '',
    },
    toastErrors: true,
  });
  const onSubmit = submit(
    (v) =>
      api('PATCH', '/auth/api/v1/users/profile/', {
        ...v,
        phone_number: v.phone_number || null,
        time_zone: v.time_zone || null,
      }),
    'Profile saved',
  );
  const offered = profile.time_zone && !zones.includes(profile.time_zone) ? [profile.time_zone, ...zones] : zones;

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
        <FieldSelect
          id="profile-time_zone"
          label="Time zone"
          hint="Every time in the portals is shown in this zone."
          error={errorOf('time_zone')}
          {...form.register('time_zone')}
        >
          <option value="">{browserZone ? `This browser's zone (${browserZone})` : "This browser's zone"}</option>
          {offered.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll('_', ' ')}
            </option>
          ))}
        </FieldSelect>
      </div>
      <FormError>{formError}</FormError>
      <Button type="submit" pending={pending}>
        Save profile
      </Button>
    </form>
  );
}
