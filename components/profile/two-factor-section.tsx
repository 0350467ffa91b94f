'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/field';
import { FieldInput } from '@/components/ui/form-controls';
import { Time } from '@/components/ui/time';
import { ApiError, api } from '@/lib/client/api';
import { useDomainForm } from '@/lib/client/use-domain-form';
import { useMutation } from '@/lib/client/use-mutation';
import { recoveryCodesInput, twoFactorDisableInput, twoFactorEnableInput } from '@/lib/domain/identity/schemas';

export interface TwoFactorState {
  enabled: boolean;
  enabled_at: string | null;
  required: boolean;
  recovery_codes_left: number;
}

interface Enrolment {
  secret: string;
  otpauth_url: string;
  qr_code: string;
}

const BASE = '/auth/api/v1/users/two-factor/';

/** Recovery codes are shown once: the user keeps them before going on. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="space-y-3">
      <p className="text-sm">
        Keep these recovery codes somewhere safe. Each one signs you in once if you lose your phone. They are shown only now.
      </p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 font-mono text-sm sm:grid-cols-5">
        {codes.map((c) => (
          <li key={c} className="rounded border border-slate-200 px-2 py-1 text-center dark:border-slate-700">
            {c}
          </li>
        ))}
      </ul>
      <div className="flex gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={() => navigator.clipboard?.writeText(codes.join('\n')).then(() => toast.success('Recovery codes copied'))}
        >
          Copy codes
        </Button>
        <Button type="button" onClick={onDone}>
          I have saved them
        </Button>
      </div>
    </div>
  );
}

/** The 6-digit code (or a recovery code) field of every two-factor form. */
function CodeField(props: { id: string; label: string; error?: string } & React.ComponentProps<'input'>) {
  return <FieldInput autoComplete="one-time-code" required className="max-w-48 tracking-widest" {...props} />;
}

/** Step 2 of the set-up: the code the app shows turns it on and returns the recovery codes. */
function EnableForm({
  enrolment,
  onEnabled,
  onCancel,
}: {
  enrolment: Enrolment;
  onEnabled: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const { form, submit, errorOf, formError, pending } = useDomainForm(twoFactorEnableInput, { defaultValues: { code: '' } });
  // the API answers with the recovery codes; `after` runs once the write succeeded
  const codes = useRef<string[]>([]);
  const onSubmit = submit(
    async (values) => {
      codes.current = (await api<{ recovery_codes: string[] }>('POST', `${BASE}enable/`, values)).recovery_codes;
    },
    'Two-factor sign-in is on. Other sessions were signed out.',
    () => onEnabled(codes.current),
  );
  return (
    <form noValidate className="space-y-3" onSubmit={onSubmit}>
      <p className="text-sm">
        1. Scan this code with an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password, …).
      </p>
      {/* biome-ignore lint/performance/noImgElement: a data URL made on the server; nothing for next/image to optimise */}
      <img
        src={enrolment.qr_code}
        alt="QR code for your authenticator app"
        width={180}
        height={180}
        className="rounded bg-white p-1"
      />
      <p className="text-sm">
        Cannot scan? Enter this key: <code className="break-all font-mono">{enrolment.secret}</code>
      </p>
      <p className="text-sm">2. Enter the 6-digit code the app shows.</p>
      <CodeField id="enable-code" label="Code from your app" error={errorOf('code')} {...form.register('code')} />
      <FormError>{formError}</FormError>
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>
          Turn on
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** New recovery codes: confirmed with a code; the old ones stop working. */
function RegenerateForm({ onCodes, onCancel }: { onCodes: (codes: string[]) => void; onCancel: () => void }) {
  const { form, submit, errorOf, formError, pending } = useDomainForm(recoveryCodesInput, { defaultValues: { code: '' } });
  const codes = useRef<string[]>([]);
  const onSubmit = submit(
    async (values) => {
      codes.current = (await api<{ recovery_codes: string[] }>('POST', `${BASE}recovery-codes/`, values)).recovery_codes;
    },
    'New recovery codes made',
    () => onCodes(codes.current),
  );
  return (
    <form noValidate className="space-y-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700" onSubmit={onSubmit}>
      <p className="text-sm">The old recovery codes stop working. Confirm with a code.</p>
      <CodeField
        id="regenerate-code"
        label="Code from your app (or a recovery code)"
        error={errorOf('code')}
        {...form.register('code')}
      />
      <FormError>{formError}</FormError>
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>
          Make new codes
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Turning it off: confirmed with the password and a code. */
function DisableForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { form, submit, errorOf, formError, pending } = useDomainForm(twoFactorDisableInput, {
    defaultValues: { password: '', code: '' },
  });
  const onSubmit = submit(
    (values) => api('POST', `${BASE}disable/`, values),
    'Two-factor sign-in is off. Other sessions were signed out.',
    onDone,
  );
  return (
    <form noValidate className="space-y-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700" onSubmit={onSubmit}>
      <p className="text-sm">Turning it off makes your account easier to take over. Confirm with your password and a code.</p>
      <FieldInput
        id="disable-password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        className="max-w-72"
        error={errorOf('password')}
        {...form.register('password')}
      />
      <CodeField
        id="disable-code"
        label="Code from your app (or a recovery code)"
        error={errorOf('code')}
        {...form.register('code')}
      />
      <FormError>{formError}</FormError>
      <div className="flex gap-2">
        <Button type="submit" pending={pending} variant="danger">
          Turn off two-factor sign-in
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Two-factor sign-in on the profile: set up (scan, confirm, keep the codes), new recovery codes, turn off. */
export function TwoFactorSection({ state }: { state: TwoFactorState }) {
  const router = useRouter();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [mode, setMode] = useState<'idle' | 'disable' | 'regenerate'>('idle');
  const setup = useMutation({ toastErrors: false });
  const setupError =
    setup.error instanceof ApiError ? setup.error.message : setup.error ? 'Something went wrong. Please try again.' : undefined;

  if (codes)
    return (
      <RecoveryCodes
        codes={codes}
        onDone={() => {
          setCodes(null);
          router.refresh();
        }}
      />
    );

  if (enrolment)
    return (
      <EnableForm
        enrolment={enrolment}
        onCancel={() => setEnrolment(null)}
        onEnabled={(c) => {
          setEnrolment(null);
          setCodes(c);
        }}
      />
    );

  if (!state.enabled)
    return (
      <div className="space-y-3">
        <p className="text-sm">
          {state.required
            ? 'Your administrator role needs two-factor sign-in. Set it up to use the admin portal.'
            : 'Off. With two-factor sign-in, signing in also asks for a code from an authenticator app on your phone.'}
        </p>
        <FormError>{setupError}</FormError>
        <Button
          type="button"
          pending={setup.pending}
          onClick={() =>
            setup.run(async () => setEnrolment(await api<Enrolment>('POST', `${BASE}setup/`)), 'Scan the code to continue')
          }
        >
          Set up two-factor sign-in
        </Button>
      </div>
    );

  return (
    <div className="space-y-3">
      <p className="text-sm">
        <strong>On</strong>
        {state.enabled_at ? (
          <>
            {' '}
            since <Time value={state.enabled_at} dateOnly />
          </>
        ) : null}
        . {state.recovery_codes_left} recovery code{state.recovery_codes_left === 1 ? '' : 's'} left.
      </p>
      {mode === 'idle' && (
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={() => setMode('regenerate')}>
            New recovery codes
          </Button>
          {!state.required && (
            <Button type="button" variant="secondary" onClick={() => setMode('disable')}>
              Turn off…
            </Button>
          )}
        </div>
      )}
      {mode === 'regenerate' && (
        <RegenerateForm
          onCancel={() => setMode('idle')}
          onCodes={(c) => {
            setMode('idle');
            setCodes(c);
          }}
        />
      )}
      {mode === 'disable' && <DisableForm onCancel={() => setMode('idle')} onDone={() => setMode('idle')} />}
    </div>
  );
}
