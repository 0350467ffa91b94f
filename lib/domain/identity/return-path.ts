/**
 * Where to go after signing in: only a path of this site. Browsers read `/\evil.host`, `/\t/evil.host` and
 * `//evil.host` as another host (backslashes turn into slashes, tabs and newlines are dropped), so any of those,
 * any scheme, and anything that does not resolve to our own origin gives `fallback`. Shared by the login page
 * and every place that sends people back to where they were (deep links surviving sign-in).
 */
export function safeReturnPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || value.length > 2048) return fallback;
  // Control characters (tab, CR, LF ...) and backslashes have no business in our own paths.
  for (const ch of value) if (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 || ch === '\\') return fallback;
  if (!value.startsWith('/') || value.startsWith('//')) return fallback;
  const base = 'http://return-path.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
