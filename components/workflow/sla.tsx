import { SlaCountdown, SlaProgress } from '@/components/sla/sla-countdown';
import { Badge } from '@/components/ui/badge';
import { Time } from '@/components/ui/time';
import type { BusinessFacts } from '@/lib/domain/sla/clock';
import { SLA_DUE_SOON_PERCENT } from '@/lib/domain/sla/settings';

interface Sla {
  target_resolution: string | null;
  time_remaining: string | null;
  is_breached: boolean;
  sla_started_at?: string | null;
  sla_stopped_at?: string | null;
  sla_paused_at?: string | null;
  sla_due_soon_at?: string | null;
  sla_at_risk_at?: string | null;
}

/** The clock of a task or step as the API gives it. */
function clockOf(s: Sla, at: number) {
  return {
    startedAt: s.sla_started_at ?? null,
    dueAt: s.target_resolution,
    stoppedAt: s.sla_stopped_at ?? null,
    pausedAt: s.sla_paused_at ?? null,
    dueSoonAt: s.sla_due_soon_at ?? null,
    atRiskAt: s.sla_at_risk_at ?? null,
    at,
    dueSoonPercent: SLA_DUE_SOON_PERCENT,
  };
}

/** The one live SLA countdown (components/sla) for a task's or step's SLA fields. */
export function SlaBadge({ sla }: { sla: Sla }) {
  return <SlaCountdown {...clockOf(sla, Date.now())} />;
}

/** Elapsed share of the SLA window as a bar, with the deadline in words; moves with the clock. */
export function SlaBar({
  sla,
  label,
  business,
}: {
  start?: string;
  sla: Sla;
  label: string;
  /** The task's calendar and pauses (its SLA timeline has them): the bar fills with business time only. */
  business?: BusinessFacts | null;
}) {
  return (
    <SlaProgress
      {...clockOf(sla, Date.now())}
      business={business ? { calendar: business.calendar, pauses: business.pauses } : null}
      label={label}
      dueText={sla.target_resolution ? <Time value={sla.target_resolution} /> : ''}
    />
  );
}

export function PriorityBadge({ priority }: { priority: string }) {
  const tone = priority === 'Critical' ? 'danger' : priority === 'High' ? 'warning' : priority === 'Low' ? 'neutral' : 'info';
  return <Badge tone={tone}>{priority}</Badge>;
}
