import type { Metadata } from 'next';
import { requirePortal } from '@/lib/server/session';
import { KnowledgeArticle } from '../../../_knowledge/article-page';

export const metadata: Metadata = { title: 'Article' };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requirePortal('employee');
  return <KnowledgeArticle actor={actor} base="/employee/knowledge" slug={(await params).slug} staff={false} />;
}
