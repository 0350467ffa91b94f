import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { Actor } from '@/lib/domain/actor';
import { canUsePortal, type Portal, portalsFor } from '@/lib/domain/identity/policy';
import { safeReturnPath } from '@/lib/domain/identity/return-path';
import { portalActor } from './authn';
import { clientIpOf } from './client-ip';

/** The signed-in user of a page, or null (also when the session was ended: sign-out elsewhere, password change). */
export async function currentActor(): Promise<Actor | null> {
  const jar = Object.fromEntries((await cookies()).getAll().map((c) => [c.name, c.value]));
  const h = await headers();
  return portalActor(jar, { ip: clientIpOf(h), userAgent: h.get('user-agent') });
}

/** The sign-in page, coming back to the page asked for (same-origin paths only) or `fallback`. */
export async function signInPath(fallback: string): Promise<string> {
  const asked = safeReturnPath((await headers()).get('x-request-path'), fallback);
  return `/login?callbackUrl=${encodeURIComponent(asked)}`;
}

/** For portal pages: redirect to sign-in (and back to this page afterwards) when signed out; 404 when the portal is not theirs. */
export async function requirePortal(portal: Portal): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(await signInPath(`/${portal}`));
  if (!canUsePortal(actor, portal)) notFound();
  return actor;
}

export async function landingPath(actor: Actor): Promise<string> {
  if (actor.twoFactorRequired) return '/profile#two-factor';
  const first = portalsFor(actor)[0];
  return first ? `/${first}` : '/no-access';
}
