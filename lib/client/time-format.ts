/**
 * The one way an instant is written (issue 19): "3 Dec 2026, 14:05" in the reader's time zone, and in full —
 * with seconds, the zone, its offset and the same instant in UTC — for the hover. Built from `Intl` parts, not
 * from a locale's pattern, so the server and the browser write exactly the same text (no hydration mismatch).
 */

/** The cookie in which the browser tells the server its own zone, so later pages render in it at once. */
export const BROWSER_ZONE_COOKIE = 'tz';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Parts {
  y: number;
  m: number;
  d: number;
  h: number;
  min: number;
  s: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(timeZone: string, at: Date): Parts {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const x of f.formatToParts(at)) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return { y: p.year, m: p.month, d: p.day, h: p.hour % 24, min: p.minute, s: p.second };
}

const two = (n: number) => String(n).padStart(2, '0');
const date = (p: Parts) => `${p.d} ${MONTHS[p.m - 1]} ${p.y}`;
const clock = (p: Parts) => `${two(p.h)}:${two(p.min)}`;

/** The zone's offset from UTC at that instant, as "UTC+01:00". */
function offset(p: Parts, at: Date): string {
  const wall = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s);
  const minutes = Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** A zone the runtime knows, or UTC. */
export function usableTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    partsIn(timeZone, new Date(0));
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** The browser's (or server's) own zone. */
export function runtimeTimeZone(): string {
  return usableTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
}

export interface WrittenInstant {
  /** "3 Dec 2026, 14:05" (or "3 Dec 2026" for a date). */
  text: string;
  /** "3 Dec 2026, 14:05:09 Europe/Berlin (UTC+01:00) · 3 Dec 2026, 13:05:09 UTC". */
  full: string;
}

export function writeInstant(at: Date, timeZone: string, opts: { dateOnly?: boolean } = {}): WrittenInstant {
  const zone = usableTimeZone(timeZone);
  const local = partsIn(zone, at);
  const text = opts.dateOnly ? date(local) : `${date(local)}, ${clock(local)}`;
  const seconds = (p: Parts) => `${date(p)}, ${clock(p)}:${two(p.s)}`;
  const utc = zone === 'UTC' ? null : partsIn('UTC', at);
  const full = utc ? `${seconds(local)} ${zone} (${offset(local, at)}) · ${seconds(utc)} UTC` : `${seconds(local)} UTC`;
  return { text, full };
}
