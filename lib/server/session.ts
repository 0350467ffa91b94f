import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import type { Actor } from '@/lib/domain/actor';
import { canUsePortal, type Portal, portalsFor } from '@/lib/domain/identity/policy';
import { loadActor } from '@/lib/domain/identity/queries';
import { authOptions } from './nextauth';

/** The signed-in user of a page, or null. */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const id = Number((session?.user as { id?: string } | undefined)?.id);
  if (!id) return null;
  const h = await headers();
  return loadActor(id, { ip: h.get('x-forwarded-for'), userAgent: h.get('user-agent') });
}

/** For portal pages: redirect to /login when signed out; 404 when the portal is not theirs. */
export async function requirePortal(portal: Portal): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/login?callbackUrl=/${portal}`);
  if (!canUsePortal(actor, portal)) notFound();
  return actor;
}

export async function landingPath(actor: Actor): Promise<string> {
  const first = portalsFor(actor)[0];
  return first ? `/${first}` : '/no-access';
}
