'use client';

import { SessionProvider } from 'next-auth/react';
import { ThemeProvider } from 'next-themes';
import { Toaster } from 'sonner';

export function Providers({ children, nonce }: { children: React.ReactNode; nonce?: string }) {
  return (
    // Re-reading the session every few minutes and on focus renews the portal's session cookie silently (next-auth
    // rolls the JWT), so an active person is never signed out mid-task; an ended session shows at the next API call.
    <SessionProvider refetchInterval={5 * 60} refetchOnWindowFocus>
      <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
        {children}
        {/* bottom-right: at the top, toasts covered the header's search, bell and account menu */}
        <Toaster richColors closeButton position="bottom-right" />
      </ThemeProvider>
    </SessionProvider>
  );
}
