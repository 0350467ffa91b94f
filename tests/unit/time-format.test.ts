import { describe, expect, it } from 'vitest';
import { usableTimeZone, writeInstant } from '@/lib/client/time-format';
import { profileUpdateInput } from '@/lib/domain/identity/schemas';
import { canonicalTimeZone, isTimeZone, timeZoneNames } from '@/lib/domain/identity/time-zone';

describe('writeInstant', () => {
  const at = new Date('2026-12-03T13:05:09.000Z');

  it('writes "3 Dec 2026, 14:05" in the zone, with the exact instant, zone and UTC for the hover', () => {
    expect(writeInstant(at, 'Europe/Berlin')).toEqual({
      text: '3 Dec 2026, 14:05',
      full: '3 Dec 2026, 14:05:09 Europe/Berlin (UTC+01:00) · 3 Dec 2026, 13:05:09 UTC',
    });
    expect(writeInstant(at, 'UTC')).toEqual({ text: '3 Dec 2026, 13:05', full: '3 Dec 2026, 13:05:09 UTC' });
  });

  it('crosses the date line, keeps half-hour offsets and 24-hour clocks, and writes dates alone', () => {
    expect(writeInstant(at, 'Pacific/Kiritimati').text).toBe('4 Dec 2026, 03:05');
    expect(writeInstant(at, 'America/Los_Angeles').full).toContain('(UTC−08:00)');
    expect(writeInstant(at, 'Asia/Kolkata').full).toContain('18:35:09 Asia/Kolkata (UTC+05:30)');
    expect(writeInstant(new Date('2026-12-03T00:30:00Z'), 'UTC').text).toBe('3 Dec 2026, 00:30');
    expect(writeInstant(at, 'Europe/Berlin', { dateOnly: true }).text).toBe('3 Dec 2026');
  });

  it('falls back to UTC for a zone the runtime does not know', () => {
    expect(usableTimeZone('Mars/Olympus_Mons')).toBe('UTC');
    expect(usableTimeZone(null)).toBe('UTC');
    expect(writeInstant(at, 'Mars/Olympus_Mons').text).toBe('3 Dec 2026, 13:05');
  });
});

describe('time zone setting', () => {
  it('accepts the runtime IANA zones and refuses others', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(timeZoneNames()[0]).toBe('UTC');
    expect(timeZoneNames()).toContain('America/New_York');
    expect(profileUpdateInput.safeParse({ time_zone: 'Asia/Tokyo' }).success).toBe(true);
    expect(profileUpdateInput.safeParse({ time_zone: null }).success).toBe(true);
    const bad = profileUpdateInput.safeParse({ time_zone: 'Nowhere/Land' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['time_zone']);
  });
});
