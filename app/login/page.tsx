import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { LoginForm } from '@/components/auth/login-form';
import { currentActor, landingPath } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function LoginPage() {
  const actor = await currentActor();
  if (actor) redirect(await landingPath(actor));
  return (
    <AuthCard title="Sign in to Switchboard" subtitle="IT help desk and workflow engine">
      <LoginForm />
    </AuthCard>
  );
}
