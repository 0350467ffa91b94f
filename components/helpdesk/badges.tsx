import { Badge } from '@/components/ui/badge';

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

export function formatDate(iso: string | null | undefined) {
  if (!iso) return '—';
  return `${new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
}
