import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/auth-card';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';

export const metadata: Metadata = { title: 'Forgot password' };
export const dynamic = 'force-dynamic';

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?" subtitle="We will e-mail you a link to choose a new one.">
      <ForgotPasswordForm />
    </AuthCard>
  );
}
