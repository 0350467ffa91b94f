import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { Button } from '@/components/ui/button';

export const metadata = { title: 'Page not found' };

/** Every unknown page and every page the caller may not see (404 hides what exists): branded, with a way back. */
export default function NotFound() {
  return (
    <AuthCard title="Page not found" subtitle="This page does not exist, or your account cannot open it.">
      <div className="space-y-3 text-sm">
        <p>If someone sent you this link, check that you are signed in with the right account.</p>
        <Button asChild className="w-full">
          <Link href="/">Go to my home page</Link>
        </Button>
      </div>
    </AuthCard>
  );
}
