/**
 * Business-time arithmetic (issue 11): the working time of a calendar (an IANA time zone, working hours per
 * weekday, holidays) between two instants, and the instant at which a business duration has elapsed. Pure: no
 * database, no clock; safe in the browser. `null` stands for the default 24×7 calendar, where business time is
 * wall-clock time, so installations without calendars keep their behaviour.
 *
 * Time zones come from the runtime's own IANA database through `Intl.DateTimeFormat` (no dependency: date-fns 4,
 * the installed date library, has no time-zone support without `@date-fns/tz`). Working hours are wall-clock
 * times of the calendar's zone, so a working day is 8 hours long on the day the clocks change too; a wall time
 * that does not exist that day (inside the spring-forward gap) is taken at the zone's offset before the change.
 *
 * Paused intervals (a ticket On Hold) are subtracted from the working time: a paused clock does not run.
 */

export interface WorkingHours {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  day: number;
  /** "HH:MM", 00:00–23:59. */
  start: string;
  /** "HH:MM", after start; "24:00" = midnight at the end of the day. */
  end: string;
}

export interface BusinessCalendar {
  time_zone: string;
  hours: WorkingHours[];
  /** Local dates ("YYYY-MM-DD") on which nobody works. */
  holidays: string[];
}

/** A span of time in epoch milliseconds, [from, to). */
export interface Span {
  from: number;
  to: number;
}

const DAY_MS = 86_400_000;
/** How far ahead a due instant is searched before the calendar is declared unusable (10 years). */
const HORIZON_DAYS = 3660;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
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
  return f;
}

/** True when the runtime knows `timeZone` as an IANA zone ("Europe/Berlin", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  if (!timeZone || !/^[A-Za-z0-9_+\-/]+$/.test(timeZone)) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** A wall-clock reading in a zone: year, month (1–12), day, hour (0–23), minute, second. */
export interface LocalParts {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

/** What a clock in `timeZone` shows at the instant `at` (ms); one cached `Intl` formatter per zone. */
export function localParts(timeZone: string, at: number): LocalParts {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(at))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return { y: p.year, m: p.month, d: p.day, h: p.hour % 24, mi: p.minute, s: p.second };
}

/** The zone's offset from UTC at `at`, in milliseconds (local − UTC). */
function offsetAt(timeZone: string, at: number): number {
  const whole = Math.floor(at / 1000) * 1000;
  const l = localParts(timeZone, whole);
  return Date.UTC(l.y, l.m - 1, l.d, l.h, l.mi, l.s) - whole;
}

/** The instant of a wall-clock time in the zone (the offset before a change where the time is ambiguous or missing). */
export function zonedInstant(timeZone: string, y: number, m: number, d: number, minuteOfDay: number): number {
  const wall = Date.UTC(y, m - 1, d) + minuteOfDay * 60_000;
  const first = wall - offsetAt(timeZone, wall);
  const second = offsetAt(timeZone, first);
  const candidate = wall - second;
  // the candidate must show the same wall time; otherwise the time is in a gap and the first guess stands
  return offsetAt(timeZone, candidate) === second ? candidate : first;
}

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

const isoDate = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The working spans of one local date (none on a holiday or a day off), as instants. */
function daySpans(cal: BusinessCalendar, y: number, m: number, d: number, holidays: Set<string>): Span[] {
  if (holidays.has(isoDate(y, m, d))) return [];
  const weekday = ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
  return cal.hours
    .filter((h) => h.day === weekday)
    .map((h) => ({
      from: zonedInstant(cal.time_zone, y, m, d, minutes(h.start)),
      to: zonedInstant(cal.time_zone, y, m, d, minutes(h.end)),
    }))
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);
}

/**
 * The calendar's working spans from `from` on, in order, clipped to `from` (a generator: the caller stops when
 * it has what it needs). The 24×7 calendar yields one endless span.
 */
export function* workingSpans(cal: BusinessCalendar | null, from: number, horizonDays = HORIZON_DAYS): Generator<Span> {
  if (!cal) {
    yield { from, to: Number.POSITIVE_INFINITY };
    return;
  }
  const holidays = new Set(cal.holidays);
  // start one local day early: a span of the previous local date can still be running at `from`
  const l = localParts(cal.time_zone, from);
  const day0 = Date.UTC(l.y, l.m - 1, l.d) - DAY_MS;
  for (let i = 0; i <= horizonDays; i++) {
    const date = new Date(day0 + i * DAY_MS);
    for (const s of daySpans(cal, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), holidays)) {
      if (s.to <= from) continue;
      yield { from: Math.max(s.from, from), to: s.to };
    }
  }
}

/** `span` minus the (sorted, possibly overlapping) paused spans. */
function withoutPauses(span: Span, pauses: Span[]): Span[] {
  const out: Span[] = [];
  let cursor = span.from;
  for (const p of pauses) {
    if (p.to <= cursor || p.from >= span.to) continue;
    if (p.from > cursor) out.push({ from: cursor, to: Math.min(p.from, span.to) });
    cursor = Math.max(cursor, p.to);
    if (cursor >= span.to) break;
  }
  if (cursor < span.to) out.push({ from: cursor, to: span.to });
  return out;
}

const sortPauses = (pauses: Span[]) => [...pauses].filter((p) => p.to > p.from).sort((a, b) => a.from - b.from);

/**
 * The instant at which `seconds` of business time have run from `start`, not counting `pauses`. Throws when the
 * calendar has no working time within ten years (the calendar validation prevents such calendars).
 */
export function addBusinessTime(cal: BusinessCalendar | null, start: Date, seconds: number, pauses: Span[] = []): Date {
  const sorted = sortPauses(pauses);
  let left = Math.max(0, seconds) * 1000;
  for (const span of workingSpans(cal, start.getTime())) {
    for (const part of withoutPauses(span, sorted)) {
      const length = part.to - part.from;
      if (length >= left) return new Date(part.from + left);
      left -= length;
    }
  }
  throw new Error('The calendar has no working time in the next ten years');
}

/** Business milliseconds between two instants (0 when `to` is not after `from`), not counting `pauses`. */
export function businessMsBetween(cal: BusinessCalendar | null, from: Date, to: Date, pauses: Span[] = []): number {
  const end = to.getTime();
  if (end <= from.getTime()) return 0;
  const sorted = sortPauses(pauses);
  let total = 0;
  for (const span of workingSpans(cal, from.getTime())) {
    if (span.from >= end) break;
    for (const part of withoutPauses({ from: span.from, to: Math.min(span.to, end) }, sorted)) total += part.to - part.from;
    if (span.to >= end) break;
  }
  return total;
}

/** The spans outside working hours between two instants (for the SLA timeline); none for 24×7. */
export function offHoursBetween(cal: BusinessCalendar | null, from: Date, to: Date): Span[] {
  if (!cal) return [];
  const end = to.getTime();
  const out: Span[] = [];
  let cursor = from.getTime();
  for (const span of workingSpans(cal, cursor)) {
    if (span.from >= end) break;
    if (span.from > cursor) out.push({ from: cursor, to: span.from });
    cursor = Math.max(cursor, span.to);
    if (cursor >= end) break;
  }
  if (cursor < end) out.push({ from: cursor, to: end });
  return out;
}

/** Working hours overlap or run backwards: the problems, each with the index of the offending row. */
export function hoursProblems(hours: WorkingHours[]): { index: number; field: 'start' | 'end'; message: string }[] {
  const problems: { index: number; field: 'start' | 'end'; message: string }[] = [];
  hours.forEach((h, i) => {
    if (minutes(h.end) <= minutes(h.start)) problems.push({ index: i, field: 'end', message: 'The end must be after the start' });
  });
  for (let i = 0; i < hours.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = hours[i];
      const b = hours[j];
      if (a.day !== b.day) continue;
      if (minutes(a.start) < minutes(b.end) && minutes(b.start) < minutes(a.end))
        problems.push({ index: i, field: 'start', message: `Overlaps ${b.start}–${b.end} on the same day` });
    }
  }
  return problems;
}

/**
 * The instant at which `percent` of a window of `seconds` business seconds from `start` has run: 80 % of a
 * 10-hour window on office hours is the end of its eighth working hour, not 80 % of the wall-clock stretch to the
 * due instant. Whole milliseconds, rounded up: a threshold is never before its share has fully run. The monitor's
 * thresholds and the views' "Due soon" / "At risk" instants all come from here.
 */
export function shareInstant(
  cal: BusinessCalendar | null,
  start: Date,
  seconds: number,
  percent: number,
  pauses: Span[] = [],
): Date {
  const share = Math.ceil(seconds * 10 * Math.min(percent, 100)) / 1000;
  return addBusinessTime(cal, start, share, pauses);
}
