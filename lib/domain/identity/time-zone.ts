/**
 * The time zone a user sees times in (issue 19): an IANA name the runtime's own database knows, through `Intl`.
 * Pure, safe in the browser (the profile form offers the same list the API accepts).
 */
import { isTimeZone } from '../sla/business-time';

export { isTimeZone };

/** The runtime's spelling of a known zone ("europe/berlin" → "Europe/Berlin"). */
export function canonicalTimeZone(timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
}

/** Every zone the runtime knows, sorted, with UTC first. */
export function timeZoneNames(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...all.filter((z) => z !== 'UTC').sort()];
}
