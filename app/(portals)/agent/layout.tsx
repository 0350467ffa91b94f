import { PortalShell } from '@/components/shell/portal-shell';
import { requirePortal } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

export default async function Layout({ children }: { children: React.ReactNode }) {
  const actor = await requirePortal('agent');
  return (
    <PortalShell actor={actor} portal="agent">
      {children}
    </PortalShell>
  );
}
