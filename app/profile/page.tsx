import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { EmailPreferences } from '@/components/notifications/email-preferences';
import { ChangePasswordForm } from '@/components/profile/change-password-form';
import { ProfileForm } from '@/components/profile/profile-form';
import { ProfileSection } from '@/components/profile/profile-section';
import { TwoFactorSection } from '@/components/profile/two-factor-section';
import { ThemeToggle } from '@/components/shell/theme-toggle';
import { Badge } from '@/components/ui/badge';
import { twoFactorStatus } from '@/lib/domain/identity/account';
import { getProfile } from '@/lib/domain/identity/queries';
import { timeZoneNames } from '@/lib/domain/identity/time-zone';
import { emailPreferenceTypes } from '@/lib/domain/notifications/policy';
import { currentActor, landingPath } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Profile' };
export const dynamic = 'force-dynamic';

export default async function ProfilePage() {
  const actor = await currentActor();
  if (!actor) redirect('/login?callbackUrl=/profile');
  const [profile, back, twoFactor] = await Promise.all([getProfile(actor), landingPath(actor), twoFactorStatus(actor)]);

  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex h-14 max-w-3xl items-center gap-3 px-4">
          <Link
            href={back}
            className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            <ArrowLeft className="h-4 w-4" aria-hidden /> Back to portal
          </Link>
          <div className="ml-auto">
            <ThemeToggle />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Your profile</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Signed in as <strong>{profile.email}</strong> ({profile.username})
          </p>
          {profile.roles.length > 0 && (
            <ul className="mt-2 flex flex-wrap gap-1" aria-label="Your roles">
              {profile.roles.map((r) => (
                <li key={r.system_role_id}>
                  <Badge tone="info">
                    {r.system.toUpperCase()} · {r.role}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </div>

        {actor.twoFactorRequired && (
          <p
            role="alert"
            className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
          >
            Your administrator role needs two-factor sign-in. Set it up below; until then the admin portal stays closed.
          </p>
        )}

        <ProfileSection
          id="details"
          title="Personal details"
          description="Your name and phone number as colleagues see them, and the time zone you read times in."
        >
          <ProfileForm
            profile={{
              first_name: profile.first_name,
              last_name: profile.last_name,
              phone_number: profile.phone_number,
              time_zone: profile.time_zone,
            }}
            zones={timeZoneNames()}
          />
        </ProfileSection>

        <ProfileSection
          id="password"
          title="Password"
          description="Changing it signs you out everywhere else (other browsers, devices and API tokens)."
        >
          <ChangePasswordForm />
        </ProfileSection>

        <ProfileSection
          id="two-factor"
          title="Two-factor sign-in"
          description="A code from an app on your phone, asked for at every sign-in, keeps your account safe if your password leaks."
        >
          <TwoFactorSection state={twoFactor} />
        </ProfileSection>

        {/* Further sections of other features (such as e-mail preferences) are added here, each as a ProfileSection. */}
        <ProfileSection
          id="email"
          title="E-mail notifications"
          description="You always get in-app notifications; choose which ones also arrive by e-mail."
        >
          <EmailPreferences initial={profile.email_preferences ?? {}} types={emailPreferenceTypes(actor)} />
        </ProfileSection>
      </main>
    </div>
  );
}
