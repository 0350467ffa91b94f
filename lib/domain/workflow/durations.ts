// Durations in people's words; no server imports, so the designer's client panels use it too.

/** Display form of 002: 172800 → "2 days", 28800 → "8 hours", 5400 → "1 hour 30 minutes". */
export function toDisplayDuration(seconds: number): string {
  const parts: string[] = [];
  let rest = seconds;
  for (const [unit, size] of [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1],
  ] as const) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n) parts.push(`${n} ${unit}${n === 1 ? '' : 's'}`);
  }
  return parts.join(' ') || '0 seconds';
}
