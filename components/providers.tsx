'use client';

import { SessionProvider } from 'next-auth/react';
import { ThemeProvider } from 'next-themes';
import { Toaster } from 'sonner';

export function Providers({ children, nonce }: { children: React.ReactNode; nonce?: string }) {
  return (
    <SessionProvider>
      <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
        {children}
        {/* bottom-right: at the top, toasts covered the header's search, bell and account menu */}
        <Toaster richColors closeButton position="bottom-right" />
      </ThemeProvider>
    </SessionProvider>
  );
}
