/**
 * The one way an instant is written (issue 19): "3 Dec 2026, 14:05" in the reader's time zone, and in full —
 * with seconds, the zone, its offset and the same instant in UTC — for the hover. Built from `Intl` parts, not
 * from a locale's pattern, so the server and the browser write exactly the same text (no hydration mismatch).
 */

import { type LocalParts, localParts } from '@/lib/domain/sla/business-time';

/** The cookie in which the browser tells the server its own zone, so later pages render in it at once. */
export const BROWSER_ZONE_COOKIE = 'tz';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

type Parts = LocalParts;
const partsIn = (timeZone: string, at: Date): Parts => localParts(timeZone, at.getTime());

const two = (n: number) => String(n).padStart(2, '0');
const date = (p: Parts) => `${p.d} ${MONTHS[p.m - 1]} ${p.y}`;
const clock = (p: Parts) => `${two(p.h)}:${two(p.mi)}`;

/** The zone's offset from UTC at that instant, as "UTC+01:00". */
function offset(p: Parts, at: Date): string {
  const wall = Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s);
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
