import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { currentActor, landingPath } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function LoginPage() {
  const actor = await currentActor();
  if (actor) redirect(await landingPath(actor));
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-50 to-slate-100 p-4 dark:from-slate-900 dark:to-slate-950">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div
            className="mx-auto mb-3 flex h-12 w-12 items-center justify-center rounded-xl bg-brand-600 text-xl font-bold text-white"
            aria-hidden
          >
            S
          </div>
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Switchboard</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">IT help desk and workflow engine</p>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <LoginForm />
        </div>
      </div>
    </main>
  );
}
