import { Badge } from '@/components/ui/badge';
import { writeInstant } from '@/lib/client/time-format';

const STATUS_TONE: Record<string, 'neutral' | 'success' | 'warning' | 'danger' | 'info'> = {
  New: 'info',
  Open: 'info',
  'In Progress': 'warning',
  'On Hold': 'warning',
  Resolved: 'success',
  Closed: 'neutral',
  Rejected: 'danger',
  Withdrawn: 'neutral',
};
const PRIORITY_TONE: Record<string, 'neutral' | 'success' | 'warning' | 'danger' | 'info'> = {
  Low: 'neutral',
  Medium: 'info',
  High: 'warning',
  Critical: 'danger',
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={STATUS_TONE[status] ?? 'neutral'}>{status}</Badge>;
}

export function PriorityBadge({ priority }: { priority: string | null }) {
  if (!priority) return <span className="text-xs text-slate-500">Not set</span>;
  return <Badge tone={PRIORITY_TONE[priority] ?? 'neutral'}>{priority}</Badge>;
}

/**
 * An instant as plain text in UTC, in the one format ("3 Dec 2026, 14:05 UTC"). Pages show instants with
 * `<Time value={iso} />` (components/ui/time.tsx: the user's zone, the exact instant on hover); this is for text
 * that has no user (exports, logs).
 */
export function formatDate(iso: string | null | undefined) {
  if (!iso) return '—';
  return `${writeInstant(new Date(iso), 'UTC').text} UTC`;
}
