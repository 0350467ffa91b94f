/**
 * A socket.io server of the app's socket modules on a free local port, and the client-side helpers the
 * realtime tests share. Start it in `beforeAll`, `close()` it in `afterAll` (this disconnects every socket
 * it opened, then stops the server).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { databaseUrl } from '@/lib/server/env';
import { SOCKET_MODULES } from '@/lib/server/realtime/modules';
import { attachClusterAdapter, attachRealtime } from '@/lib/server/realtime/server';

export interface RealtimeServer {
  url: string;
  /** A new client socket (with the access token, if any), not yet connected: await `connected(socket)`. */
  socket(token?: string): Socket;
  close(): Promise<void>;
}

/** `cluster`: as with REALTIME_CLUSTER=true, broadcasts go through PostgreSQL to every such server. */
export async function startRealtimeServer(opts: { cluster?: boolean } = {}): Promise<RealtimeServer> {
  const server = http.createServer();
  const io = attachRealtime(server, SOCKET_MODULES);
  const releaseAdapter = opts.cluster ? await attachClusterAdapter(io, databaseUrl()) : async () => {};
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sockets: Socket[] = [];
  return {
    url,
    socket(token) {
      const s = connect(url, {
        path: '/socket.io',
        transports: ['websocket'],
        auth: token ? { token } : {},
        reconnection: false,
        forceNew: true,
      });
      sockets.push(s);
      return s;
    },
    async close() {
      for (const s of sockets) s.disconnect();
      io.close();
      await releaseAdapter();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Resolves once the socket is connected; rejects with the server's refusal. */
export const connected = (s: Socket) =>
  new Promise<void>((resolve, reject) => {
    if (s.connected) return resolve();
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });

export const join = (s: Socket, ticket: string) =>
  s.timeout(5000).emitWithAck('join_ticket', { ticket_id: ticket }) as Promise<{
    ok: boolean;
    error?: string;
    internal?: boolean;
  }>;

/** Collect every event of a name a socket receives. */
export function collect<T = any>(s: Socket, event: string): T[] {
  const got: T[] = [];
  s.on(event, (d: T) => got.push(d));
  return got;
}

export async function until(ok: () => boolean, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
