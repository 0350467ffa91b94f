import type { Metadata } from 'next';
import { CsatTrend } from '@/components/dashboards/csat-trend';
import { StatTile } from '@/components/dashboards/stat-tile';
import { coordinatorHome } from '@/lib/domain/reporting/queries';
import { coordinatorHomeQuery } from '@/lib/domain/reporting/schemas';
import { SLA_DUE_SOON_PERCENT } from '@/lib/domain/sla/settings';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Home' };

function waited(iso: string | null, now: Date): string {
  if (!iso) return 'Nobody is waiting';
  const h = Math.floor((now.getTime() - new Date(iso).getTime()) / 3_600_000);
  if (h < 1) return 'Oldest waiting under an hour';
  if (h < 48) return `Oldest waiting ${h} hour${h === 1 ? '' : 's'}`;
  return `Oldest waiting ${Math.floor(h / 24)} days`;
}

export default async function CoordinatorHome() {
  const actor = await requirePortal('coordinator');
  const home = await coordinatorHome(actor, coordinatorHomeQuery.parse({}));
  const now = new Date(home.generated_at);
  const s = home.owned_by_sla;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Welcome, {actor.name}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {home.owned_open} open ticket{home.owned_open === 1 ? '' : 's'} owned by you.
        </p>
      </div>
      <section aria-labelledby="owned-sla">
        <h2 id="owned-sla" className="mb-2 text-lg font-semibold">
          My tickets by SLA
        </h2>
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <StatTile
            label="Breached"
            value={s.breached}
            hint="Past the resolution target"
            href="/coordinator/owned?sla=breached"
            tone={s.breached ? 'critical' : 'neutral'}
          />
          <StatTile
            label="At risk"
            value={s.at_risk}
            hint={`${SLA_DUE_SOON_PERCENT} % or more of the time used`}
            href="/coordinator/owned?sla=at_risk"
            tone={s.at_risk ? 'warning' : 'neutral'}
          />
          <StatTile
            label="On track"
            value={s.on_track}
            hint={`Less than ${SLA_DUE_SOON_PERCENT} % used`}
            href="/coordinator/owned?sla=on_track"
            tone="good"
          />
        </ul>
      </section>
      <section aria-labelledby="queues">
        <h2 id="queues" className="mb-2 text-lg font-semibold">
          Queues
        </h2>
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <StatTile
            label="Waiting for triage"
            value={home.triage.count}
            hint={`${waited(home.triage.oldest_created_at, now)}${home.triage.oldest_ticket_number ? ` (${home.triage.oldest_ticket_number})` : ''}`}
            href="/coordinator/triage"
            tone={home.triage.count >= 50 ? 'critical' : home.triage.count >= 20 ? 'warning' : 'neutral'}
          />
          <StatTile
            label="Resolved this week"
            value={home.resolved_this_week}
            hint="Owned by you, since Monday (UTC)"
            href={`/coordinator/owned?tab=inactive&completed_after=${encodeURIComponent(home.week_start)}`}
          />
          <StatTile
            label="CSAT of my tickets"
            value={home.csat.average === null ? '—' : `${home.csat.average} / 5`}
            hint={`${home.csat.count} rating${home.csat.count === 1 ? '' : 's'} in ${home.csat.weeks.length} weeks`}
            href="/coordinator/feedback?mine=1"
          />
        </ul>
      </section>
      <section
        aria-labelledby="csat-trend"
        className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="csat-trend" className="mb-2 text-lg font-semibold">
          CSAT of my tickets per week
        </h2>
        {home.csat.count === 0 ? (
          <p className="text-sm text-slate-500">No ratings on your tickets in the last {home.csat.weeks.length} weeks.</p>
        ) : (
          <CsatTrend weeks={home.csat.weeks} />
        )}
      </section>
    </div>
  );
}
