/**
 * The client's address. Forwarding headers are believed only from TRUSTED_PROXIES (off by default): anyone can
 * send `X-Forwarded-For`, so believing it would let a caller pick a fresh rate-limit key per request and write
 * any address into login attempts and the audit log.
 *
 * server.ts is the trust boundary: it resolves the address from the connection (`prepareForwarding`) and
 * leaves exactly one `X-Forwarded-For` value for everything behind it — route handlers, pages, next-auth
 * (`clientIpOf`). The socket handshake resolves the same way (`resolveClientIp`).
 */
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { env } from './env';

let trusted: BlockList | null | undefined;

function trustedProxies(): BlockList | null {
  if (trusted !== undefined) return trusted;
  trusted = null;
  if (env.TRUSTED_PROXIES.length) {
    trusted = new BlockList();
    for (const p of env.TRUSTED_PROXIES) trusted.addSubnet(p.address, p.prefix, p.family);
  }
  return trusted;
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is 10.0.0.1. */
export function normalizeIp(ip: string | null | undefined): string | null {
  const v = ip?.trim().replace(/^\[|\]$/g, '');
  if (!v) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(v);
  const out = mapped ? mapped[1] : v;
  return isIP(out) ? out : null;
}

function isTrusted(ip: string, list: BlockList | null): boolean {
  if (!list) return false;
  return list.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client of a connection from `remote`: while the hop we are looking at is a trusted proxy, step one entry
 * left in X-Forwarded-For; the first untrusted hop is the client. Without trusted proxies: `remote`.
 */
export function resolveClientIp(
  remote: string | null | undefined,
  forwardedFor: string | string[] | null | undefined,
  list: BlockList | null = trustedProxies(),
): string | null {
  let ip = normalizeIp(remote);
  if (!ip || !isTrusted(ip, list)) return ip;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((h) => normalizeIp(h))
    .filter((h): h is string => !!h);
  while (hops.length && isTrusted(ip, list)) ip = hops.pop() as string;
  return ip;
}

/**
 * server.ts, before Next sees a request: X-Forwarded-For becomes the one resolved client address, and the other
 * forwarding headers (host, proto, port) survive only when the connection comes from a trusted proxy.
 */
export function prepareForwarding(req: IncomingMessage): void {
  const remote = req.socket.remoteAddress;
  const fromProxy = !!normalizeIp(remote) && isTrusted(normalizeIp(remote) as string, trustedProxies());
  const ip = resolveClientIp(remote, req.headers['x-forwarded-for']);
  if (ip) req.headers['x-forwarded-for'] = ip;
  else delete req.headers['x-forwarded-for'];
  delete req.headers['x-real-ip'];
  if (!fromProxy) {
    delete req.headers['x-forwarded-host'];
    delete req.headers['x-forwarded-proto'];
    delete req.headers['x-forwarded-port'];
  }
}

/** Behind server.ts: the client address it resolved (the only X-Forwarded-For value left). */
export function clientIpOf(headers: Headers): string | null {
  return normalizeIp(headers.get('x-forwarded-for')?.split(',')[0]);
}
