'use client';

import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import { BROWSER_ZONE_COOKIE, runtimeTimeZone, usableTimeZone, writeInstant } from '@/lib/client/time-format';

interface Zones {
  /** The zone the user chose in their profile; null: the browser's own. */
  saved: string | null;
  /** What the server renders in when nothing is saved: the browser's zone as last reported, else UTC. */
  serverFallback: string | null;
}

const ZoneContext = createContext<Zones>({ saved: null, serverFallback: null });

const noSubscription = () => () => {};

/** The zone to write times in: the saved one, else the browser's (after hydration; the server's guess before). */
export function useTimeZone(): string {
  const { saved, serverFallback } = useContext(ZoneContext);
  return useSyncExternalStore(
    noSubscription,
    () => saved ?? runtimeTimeZone(),
    () => usableTimeZone(saved ?? serverFallback),
  );
}

/** For text that cannot hold a <Time> (a tooltip, a sentence): writes an ISO instant the same one way. */
export function useWriteInstant(): (iso: string | Date) => string {
  const zone = useTimeZone();
  return (iso) => writeInstant(new Date(iso), zone).text;
}

/** The browser's own zone; null while rendering on the server and hydrating. */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(noSubscription, runtimeTimeZone, () => null);
}

export function TimeZoneProvider({ saved, serverFallback, children }: Zones & { children: React.ReactNode }) {
  useEffect(() => {
    const zone = runtimeTimeZone();
    if (zone !== serverFallback)
      // biome-ignore lint/suspicious/noDocumentCookie: one small preference cookie; the Cookie Store API is not everywhere
      document.cookie = `${BROWSER_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
  }, [serverFallback]);
  return <ZoneContext.Provider value={{ saved, serverFallback }}>{children}</ZoneContext.Provider>;
}

/**
 * An instant, written the one way ("3 Dec 2026, 14:05") in the user's zone; the exact instant with its zone and
 * in UTC on hover. `dateOnly` for days ("3 Dec 2026").
 */
export function Time({
  value,
  dateOnly,
  className,
}: {
  value: string | Date | null | undefined;
  dateOnly?: boolean;
  className?: string;
}) {
  const zone = useTimeZone();
  const at = value ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) return <span className={className}>—</span>;
  const { text, full } = writeInstant(at, zone, { dateOnly });
  return (
    <time dateTime={at.toISOString()} title={full} className={className}>
      {text}
    </time>
  );
}
