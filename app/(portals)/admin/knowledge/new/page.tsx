import type { Metadata } from 'next';
import { requirePortal } from '@/lib/server/session';
import { NewArticle } from '../../../_knowledge/editor-page';

export const metadata: Metadata = { title: 'New article' };

export default async function Page({ searchParams }: { searchParams: Promise<{ from_ticket?: string }> }) {
  const actor = await requirePortal('admin');
  return <NewArticle actor={actor} base="/admin/knowledge" fromTicket={(await searchParams).from_ticket} />;
}
