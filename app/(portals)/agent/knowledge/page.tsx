import type { Metadata } from 'next';
import { requirePortal } from '@/lib/server/session';
import { KnowledgeIndex } from '../../_knowledge/index-page';

export const metadata: Metadata = { title: 'Knowledge base' };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePortal('agent');
  return <KnowledgeIndex actor={actor} base="/agent/knowledge" params={await searchParams} staff />;
}
