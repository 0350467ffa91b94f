import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { Providers } from '@/components/providers';
import { TimeZoneProvider } from '@/components/ui/time';
import { BROWSER_ZONE_COOKIE } from '@/lib/client/time-format';
import { isTimeZone } from '@/lib/domain/identity/time-zone';
import { currentActor } from '@/lib/server/session';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Switchboard', template: '%s · Switchboard' },
  description: 'IT help desk and workflow engine',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // proxy.ts's per-request nonce: the theme script must carry it to run under the Content-Security-Policy.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  // Times are written in the zone of the profile, else the browser's: the server knows the latter from the
  // cookie the browser set on an earlier page (until then it writes UTC and the browser rewrites after hydration).
  const [actor, jar] = await Promise.all([currentActor(), cookies()]);
  const reported = jar.get(BROWSER_ZONE_COOKIE)?.value;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen font-sans">
        <Providers nonce={nonce}>
          <TimeZoneProvider saved={actor?.timeZone ?? null} serverFallback={reported && isTimeZone(reported) ? reported : null}>
            {children}
          </TimeZoneProvider>
        </Providers>
      </body>
    </html>
  );
}
