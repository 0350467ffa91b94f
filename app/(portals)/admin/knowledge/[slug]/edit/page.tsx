import type { Metadata } from 'next';
import { requirePortal } from '@/lib/server/session';
import { EditArticle } from '../../../../_knowledge/editor-page';

export const metadata: Metadata = { title: 'Edit article' };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requirePortal('admin');
  return <EditArticle actor={actor} base="/admin/knowledge" slug={(await params).slug} />;
}
