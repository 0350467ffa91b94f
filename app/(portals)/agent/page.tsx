import { requirePortal } from '@/lib/server/session';

export default async function AgentHome() {
  const actor = await requirePortal('agent');
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">Welcome, {actor.name}</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Agent portal</p>
    </div>
  );
}
