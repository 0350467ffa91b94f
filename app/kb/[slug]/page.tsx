import { notFound, redirect } from 'next/navigation';
import { portalsFor } from '@/lib/domain/identity/policy';
import { currentActor } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/**
 * The portal-neutral address of an article (/kb/{slug}): the link "Insert article" puts into replies. It opens
 * the article in the reader's own portal: the employee portal for employees, else their first staff portal.
 */
export default async function KbLink({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) notFound();
  const actor = await currentActor();
  if (!actor) redirect(`/login?callbackUrl=/kb/${slug}`);
  const portals = portalsFor(actor);
  const portal = portals.includes('employee') ? 'employee' : portals[0];
  if (!portal) notFound();
  redirect(`/${portal}/knowledge/${slug}`);
}
