'use client';

import { Loader2 } from 'lucide-react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { safeReturnPath } from '@/lib/domain/identity/return-path';

export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Two-factor accounts: the right password is answered OTP_REQUIRED, and the form asks for the code.
  const [needsCode, setNeedsCode] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      redirect: false,
      username: String(form.get('username') ?? ''),
      password: String(form.get('password') ?? ''),
      otp_code: String(form.get('otp_code') ?? ''),
    });
    setPending(false);
    if (result?.error === 'OTP_REQUIRED') {
      setNeedsCode(true);
      setError(null);
      return;
    }
    if (!result || result.error) {
      setError(result?.error && result.error !== 'CredentialsSignin' ? result.error : 'Invalid email/username or password.');
      return;
    }
    router.replace(safeReturnPath(params.get('callbackUrl')));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {params.get('expired') && (
        <p
          role="status"
          className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          Your session has ended. Sign in again to carry on where you were: what you typed is kept.
        </p>
      )}
      <div>
        <label htmlFor="username" className="block text-sm font-medium">
          Email or username
        </label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm dark:border-slate-700 dark:bg-slate-950"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm dark:border-slate-700 dark:bg-slate-950"
        />
      </div>
      {needsCode && (
        <div>
          <label htmlFor="otp_code" className="block text-sm font-medium">
            Authentication code
          </label>
          <input
            id="otp_code"
            name="otp_code"
            autoComplete="one-time-code"
            inputMode="text"
            required
            autoFocus
            aria-describedby="otp_code-hint"
            className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm tracking-widest shadow-sm dark:border-slate-700 dark:bg-slate-950"
          />
          <p id="otp_code-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            The 6-digit code from your authenticator app, or one of your recovery codes.
          </p>
        </div>
      )}
      {error && (
        <p
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700 dark:border-red-900 dark:bg-red-950 dark:text-red-300"
        >
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="flex w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending && <Loader2 className="h-4 w-4 animate-spin" aria-hidden />}
        {needsCode ? 'Verify and sign in' : 'Sign in'}
      </button>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="text-brand-700 underline-offset-2 hover:underline dark:text-brand-300">
          Forgot your password?
        </Link>
      </p>
    </form>
  );
}
