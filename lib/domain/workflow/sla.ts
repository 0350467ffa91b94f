/** SLA arithmetic of the workflow engine (001 §6). Pure functions: no database, no clock unless given. */

export type SlaLevel = 'low' | 'medium' | 'high' | 'urgent';
export const SLA_LEVELS: SlaLevel[] = ['urgent', 'high', 'medium', 'low'];
export type Slas = Partial<Record<SlaLevel, number | null>>;

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86400,
  day: 86400,
  days: 86400,
  w: 604800,
  week: 604800,
  weeks: 604800,
};

/**
 * Seconds of an ISO 8601 duration (`P2D`, `PT8H`, `P1DT4H30M`, `P1W`) or of the display form
 * (`2 days`, `8 hours`, `1 day 4 hours`, `4h 30m`). Returns null when it is neither.
 */
export function parseDuration(input: string): number | null {
  const s = input.trim();
  if (!s) return null;
  const iso = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(s);
  if (iso && s.toUpperCase() !== 'P' && !/T$/i.test(s)) {
    const [, w, d, h, m, sec] = iso.map((x) => Number(x ?? 0));
    return w * 604800 + d * 86400 + h * 3600 + m * 60 + sec;
  }
  const parts = s
    .toLowerCase()
    .replace(/,/g, ' ')
    .match(/(\d+(?:\.\d+)?)\s*([a-z]+)/g);
  if (!parts || parts.join('').replace(/\s/g, '') !== s.toLowerCase().replace(/[\s,]/g, '')) return null;
  let total = 0;
  for (const p of parts) {
    const [, n, unit] = /(\d+(?:\.\d+)?)\s*([a-z]+)/.exec(p) as RegExpExecArray;
    const mult = UNIT_SECONDS[unit];
    if (!mult) return null;
    total += Number(n) * mult;
  }
  return Math.round(total);
}

/** ISO 8601 form of a number of seconds: 172800 → "P2D", 28800 → "PT8H". */
export function toIsoDuration(seconds: number): string {
  let rest = seconds;
  const d = Math.floor(rest / 86400);
  rest -= d * 86400;
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  const time = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
  const out = `P${d ? `${d}D` : ''}${time ? `T${time}` : ''}`;
  return out === 'P' ? 'PT0S' : out;
}

/** The workflow SLA level for a ticket priority: Critical/urgent → urgent; none → low (001: "uses Low"). */
export function slaLevelFor(priority: string | null | undefined): SlaLevel {
  const p = (priority ?? '').trim().toLowerCase();
  if (p === 'critical' || p === 'urgent' || p === 'p1') return 'urgent';
  if (p === 'high' || p === 'p2') return 'high';
  if (p === 'medium' || p === 'p3') return 'medium';
  return 'low';
}

/** SLA seconds for a priority, or null when the workflow has none for it. */
export function slaSecondsFor(slas: Slas, priority: string | null | undefined): number | null {
  return slas[slaLevelFor(priority)] ?? null;
}

/** The share of the SLA one step gets: SLA × weight ÷ sum of weights (null without an SLA). */
export function stepSlaSeconds(slaSeconds: number | null, weight: number, weights: number[]): number | null {
  if (slaSeconds == null) return null;
  const total = weights.reduce((a, b) => a + Math.max(0, b), 0);
  if (total <= 0) return slaSeconds;
  return Math.round((slaSeconds * Math.max(0, weight)) / total);
}

/** "4h 15m", "2d 3h", "45m"; "0m" once the target has passed. */
export function formatRemaining(ms: number): string {
  if (ms <= 0) return '0m';
  const totalMinutes = Math.floor(ms / 60000);
  const d = Math.floor(totalMinutes / 1440);
  const h = Math.floor((totalMinutes % 1440) / 60);
  const m = totalMinutes % 60;
  if (d) return `${d}d ${h}h`;
  if (h) return `${h}h ${m}m`;
  return `${m}m`;
}

/** Problems with the SLA order urgent < high < medium < low (where set), naming each pair. */
export function slaOrderProblems(slas: Slas): string[] {
  const set = SLA_LEVELS.filter((l) => slas[l] != null);
  const problems: string[] = [];
  for (let i = 0; i < set.length; i++) {
    for (let j = i + 1; j < set.length; j++) {
      const a = set[i];
      const b = set[j];
      if ((slas[a] as number) >= (slas[b] as number)) problems.push(`${a}_sla must be shorter than ${b}_sla`);
    }
  }
  return problems;
}

/** The clock of an assignment that replaces another on the same step (escalation, transfer): same window. */
export function inheritedClock(from: {
  assignedOn: Date;
  slaStartedAt: Date | null;
  slaLevel: number;
  slaNextAt: Date | null;
  slaSeconds: number | null;
  slaDueSoonAt: Date | null;
  slaAtRiskAt: Date | null;
}) {
  return {
    slaStartedAt: from.slaStartedAt ?? from.assignedOn,
    slaLevel: from.slaLevel,
    slaNextAt: from.slaNextAt,
    slaDueSoonAt: from.slaDueSoonAt,
    slaAtRiskAt: from.slaAtRiskAt,
    slaSeconds: from.slaSeconds,
  };
}
