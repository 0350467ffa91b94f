'use client';

import { Button } from '@/components/ui/button';
import { describedBy, Field, FormError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ApiError, api, fieldError } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';

export function ProfileForm({ profile }: { profile: { first_name: string; last_name: string; phone_number: string | null } }) {
  const { pending, error, run } = useMutation();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    await run(
      () =>
        api('PATCH', '/auth/api/v1/users/profile/', {
          first_name: String(form.get('first_name') ?? '').trim(),
          last_name: String(form.get('last_name') ?? '').trim(),
          phone_number: String(form.get('phone_number') ?? '').trim() || null,
        }),
      'Profile saved',
    );
  }

  const err = (f: string) => fieldError(error, f);
  const input = (name: string, label: string, props: React.ComponentProps<'input'>) => {
    const id = `profile-${name}`;
    return (
      <Field id={id} label={label} error={err(name)}>
        <Input id={id} name={name} aria-invalid={!!err(name)} aria-describedby={describedBy(id, err(name))} {...props} />
      </Field>
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        {input('first_name', 'First name', { defaultValue: profile.first_name, autoComplete: 'given-name' })}
        {input('last_name', 'Last name', { defaultValue: profile.last_name, autoComplete: 'family-name' })}
        {input('phone_number', 'Phone', { defaultValue: profile.phone_number ?? '', type: 'tel', autoComplete: 'tel' })}
      </div>
      <FormError>{error instanceof ApiError && Object.keys(error.fields).length === 0 ? error.message : undefined}</FormError>
      <Button type="submit" pending={pending}>
        Save profile
      </Button>
    </form>
  );
}
