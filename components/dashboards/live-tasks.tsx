'use client';

import { useDebouncedRefresh } from '@/components/realtime/live-refresh';
import { useSocket, useSocketEvent } from '@/lib/client/realtime';

/**
 * Keeps the agent's dashboard current: the server pushes `tasks_changed` to the user's own room when work is
 * assigned to them or leaves them (and `notification` for the message that tells them); the page re-reads.
 */
export function LiveTasks() {
  const refresh = useDebouncedRefresh();
  const { connected } = useSocket();
  useSocketEvent('tasks_changed', refresh);
  useSocketEvent('notification', refresh);
  return (
    <span data-testid="live-tasks" data-connected={String(connected)} className="text-xs text-slate-500" aria-live="polite">
      {connected ? 'Updates live' : 'Connecting for live updates…'}
    </span>
  );
}
