'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { describedBy, Field, FormError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ApiError, api, fieldError } from '@/lib/client/api';

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

function CodeInput({ id, error, label = 'Code from your app' }: { id: string; error?: string; label?: string }) {
  return (
    <Field id={id} label={label} error={error}>
      <Input
        id={id}
        name="code"
        autoComplete="one-time-code"
        required
        aria-invalid={!!error}
        aria-describedby={describedBy(id, error)}
        className="max-w-48 tracking-widest"
      />
    </Field>
  );
}

export function TwoFactorSection({ state }: { state: TwoFactorState }) {
  const router = useRouter();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [mode, setMode] = useState<'idle' | 'disable' | 'regenerate'>('idle');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function act<T>(fn: () => Promise<T>): Promise<T | null> {
    setPending(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(e);
      return null;
    } finally {
      setPending(false);
    }
  }
  const formError = error instanceof ApiError && Object.keys(error.fields).length === 0 ? error.message : undefined;

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

  if (!state.enabled && !enrolment)
    return (
      <div className="space-y-3">
        <p className="text-sm">
          {state.required
            ? 'Your administrator role needs two-factor sign-in. Set it up to use the admin portal.'
            : 'Off. With two-factor sign-in, signing in also asks for a code from an authenticator app on your phone.'}
        </p>
        <FormError>{formError}</FormError>
        <Button
          type="button"
          pending={pending}
          onClick={async () => {
            const e = await act(() => api<Enrolment>('POST', `${BASE}setup/`));
            if (e) setEnrolment(e);
          }}
        >
          Set up two-factor sign-in
        </Button>
      </div>
    );

  if (enrolment)
    return (
      <form
        noValidate
        className="space-y-3"
        onSubmit={async (e) => {
          e.preventDefault();
          const code = String(new FormData(e.currentTarget).get('code') ?? '');
          const r = await act(() => api<{ recovery_codes: string[] }>('POST', `${BASE}enable/`, { code }));
          if (r) {
            toast.success('Two-factor sign-in is on. Other sessions were signed out.');
            setEnrolment(null);
            setCodes(r.recovery_codes);
          }
        }}
      >
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
        <CodeInput id="enable-code" error={fieldError(error, 'code')} />
        <FormError>{formError}</FormError>
        <div className="flex gap-2">
          <Button type="submit" pending={pending}>
            Turn on
          </Button>
          <Button type="button" variant="secondary" onClick={() => setEnrolment(null)}>
            Cancel
          </Button>
        </div>
      </form>
    );

  return (
    <div className="space-y-3">
      <p className="text-sm">
        <strong>On</strong>
        {state.enabled_at ? ` since ${new Date(state.enabled_at).toLocaleDateString()}` : ''}. {state.recovery_codes_left}{' '}
        recovery code{state.recovery_codes_left === 1 ? '' : 's'} left.
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
      {mode !== 'idle' && (
        <form
          noValidate
          className="space-y-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
          onSubmit={async (e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const code = String(form.get('code') ?? '');
            if (mode === 'regenerate') {
              const r = await act(() => api<{ recovery_codes: string[] }>('POST', `${BASE}recovery-codes/`, { code }));
              if (r) {
                setMode('idle');
                setCodes(r.recovery_codes);
              }
            } else {
              const r = await act(() => api('POST', `${BASE}disable/`, { password: String(form.get('password') ?? ''), code }));
              if (r) {
                toast.success('Two-factor sign-in is off. Other sessions were signed out.');
                setMode('idle');
                router.refresh();
              }
            }
          }}
        >
          <p className="text-sm">
            {mode === 'disable'
              ? 'Turning it off makes your account easier to take over. Confirm with your password and a code.'
              : 'The old recovery codes stop working. Confirm with a code.'}
          </p>
          {mode === 'disable' && (
            <Field id="disable-password" label="Password" error={fieldError(error, 'password')}>
              <Input
                id="disable-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                aria-invalid={!!fieldError(error, 'password')}
                className="max-w-72"
              />
            </Field>
          )}
          <CodeInput id={`${mode}-code`} error={fieldError(error, 'code')} label="Code from your app (or a recovery code)" />
          <FormError>{formError}</FormError>
          <div className="flex gap-2">
            <Button type="submit" pending={pending} variant={mode === 'disable' ? 'danger' : undefined}>
              {mode === 'disable' ? 'Turn off two-factor sign-in' : 'Make new codes'}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setMode('idle')}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
