import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <AuthCard title="Choose a new password" subtitle="Setting it signs you out everywhere.">
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p className="text-sm">
          This page needs the link from the reset e-mail.{' '}
          <Link href="/forgot-password" className="text-brand-700 underline dark:text-brand-300">
            Ask for a link
          </Link>
          .
        </p>
      )}
    </AuthCard>
  );
}
