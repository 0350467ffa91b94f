import { formatDate } from '@/components/helpdesk/badges';
import { Badge } from '@/components/ui/badge';

interface Sla {
  target_resolution: string | null;
  time_remaining: string | null;
  is_breached: boolean;
}

const DAY = 24 * 3600 * 1000;

/** SLA state in words (colour only reinforces it). */
export function slaState(s: Sla, now = Date.now()): 'none' | 'breached' | 'due_soon' | 'on_track' | 'met' {
  if (!s.target_resolution) return 'none';
  if (s.is_breached) return 'breached';
  if (!s.time_remaining) return 'met';
  return new Date(s.target_resolution).getTime() - now < DAY / 3 ? 'due_soon' : 'on_track';
}

export function SlaBadge({ sla }: { sla: Sla }) {
  const state = slaState(sla);
  if (state === 'none') return <Badge tone="neutral">No SLA</Badge>;
  if (state === 'breached') return <Badge tone="danger">SLA breached</Badge>;
  if (state === 'met') return <Badge tone="success">SLA met</Badge>;
  if (state === 'due_soon') return <Badge tone="warning">Due soon · {sla.time_remaining}</Badge>;
  return <Badge tone="success">On track · {sla.time_remaining}</Badge>;
}

/** Elapsed share of the SLA window as a bar, with the deadline in words. */
export function SlaBar({ start, sla, label }: { start: string; sla: Sla; label: string }) {
  if (!sla.target_resolution) return <p className="text-sm text-slate-500">{label}: no SLA configured</p>;
  const s = new Date(start).getTime();
  const e = new Date(sla.target_resolution).getTime();
  const pct = Math.max(0, Math.min(100, Math.round(((Date.now() - s) / Math.max(1, e - s)) * 100)));
  const tone = sla.is_breached ? 'bg-red-600' : pct > 75 ? 'bg-amber-500' : 'bg-green-600';
  return (
    <div>
      <div className="flex items-center justify-between text-sm">
        <span className="font-medium">{label}</span>
        <SlaBadge sla={sla} />
      </div>
      <div
        className="mt-1 h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
        role="progressbar"
        aria-label={`${label}: ${pct}% of the time used`}
        aria-valuenow={pct}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div className={`h-full ${tone}`} style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-500">Due {formatDate(sla.target_resolution)}</p>
    </div>
  );
}

export function PriorityBadge({ priority }: { priority: string }) {
  const tone = priority === 'Critical' ? 'danger' : priority === 'High' ? 'warning' : priority === 'Low' ? 'neutral' : 'info';
  return <Badge tone={tone}>{priority}</Badge>;
}
