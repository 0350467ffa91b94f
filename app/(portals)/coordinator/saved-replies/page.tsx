import type { Metadata } from 'next';
import { requirePortal } from '@/lib/server/session';
import { SavedRepliesPage } from '../../_saved-replies/saved-replies-page';

export const metadata: Metadata = { title: 'Saved replies' };

export default async function Page() {
  return <SavedRepliesPage actor={await requirePortal('coordinator')} />;
}
