import { redirect } from 'next/navigation';
import { currentActor, landingPath } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const actor = await currentActor();
  redirect(actor ? await landingPath(actor) : '/login');
}
