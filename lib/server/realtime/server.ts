import type http from 'node:http';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Server, type Socket } from 'socket.io';
import type { Actor } from '@/lib/domain/actor';
import { authenticate } from '../authn';
import { resolveClientIp } from '../client-ip';
import { resilientPool } from '../db';
import { appOrigin } from '../env';
import { logger } from '../logger';
import { setIo } from './index';

export type AuthedSocket = Socket & { data: { actor: Actor } };
/** Contexts add their socket events here (e.g. joining ticket rooms after a policy check). */
export type SocketModule = (socket: AuthedSocket, io: Server) => void;

/**
 * socket.io on the app's HTTP server. A client authenticates on connect with the session cookie,
 * the access_token cookie, or `auth: { token }`; anonymous sockets are refused. A browser page of another
 * origin (another port or sub-domain sends the victim's cookies too) is refused at the handshake: its Origin
 * must be one of `allowedOrigins`; clients without an Origin (servers, scripts) authenticate as usual.
 */
export function attachRealtime(server: http.Server, modules: SocketModule[], opts: { allowedOrigins?: string[] } = {}): Server {
  const allowed = opts.allowedOrigins ?? [appOrigin()];
  const io = new Server(server, {
    path: '/socket.io',
    serveClient: false,
    cors: { origin: false },
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, !origin || allowed.includes(origin));
    },
  });
  io.use(async (socket, next) => {
    try {
      const headers = new Headers();
      const cookie = socket.handshake.headers.cookie;
      if (cookie) headers.set('cookie', cookie);
      const token = (socket.handshake.auth as { token?: string } | undefined)?.token;
      if (token) headers.set('authorization', `Bearer ${token}`);
      const who = await authenticate(headers, {
        ip: resolveClientIp(socket.request.socket.remoteAddress, socket.handshake.headers['x-forwarded-for']),
        userAgent: socket.handshake.headers['user-agent'] ?? null,
      });
      if (!who) return next(new Error('UNAUTHENTICATED'));
      socket.data.actor = who.actor;
      next();
    } catch {
      next(new Error('UNAUTHENTICATED'));
    }
  });
  io.on('connection', (raw) => {
    const socket = raw as AuthedSocket;
    const actor = socket.data.actor;
    socket.join(`user:${actor.id}`);
    socket.emit('connection_established', { type: 'connection_established', user_id: actor.id, message: 'Connected' });
    socket.on('ping', (_data: unknown, ack?: (v: unknown) => void) => {
      const pong = { type: 'pong', timestamp: new Date().toISOString() };
      if (typeof ack === 'function') ack(pong);
      else socket.emit('pong', pong);
    });
    for (const m of modules) {
      try {
        m(socket, io);
      } catch (e) {
        logger.error('socket module failed', { error: String(e) });
      }
    }
  });
  setIo(io);
  return io;
}

/**
 * Several app processes behind a load balancer: every broadcast (`publish`, presence, socketsLeave) reaches
 * the sockets of every process through PostgreSQL LISTEN/NOTIFY (socket.io's Postgres adapter). The adapter
 * owns one small table for payloads over NOTIFY's 8 kB limit. Returns a function that releases its pool.
 */
export async function attachClusterAdapter(io: Server, connectionString: string): Promise<() => Promise<void>> {
  const pool = resilientPool(connectionString, 3);
  await pool.query(
    `CREATE TABLE IF NOT EXISTS socket_io_attachments (id bigserial UNIQUE, created_at timestamptz DEFAULT now(), payload bytea)`,
  );
  io.adapter(createAdapter(pool, { errorHandler: (e: Error) => logger.warn('realtime adapter error', { error: String(e) }) }));
  return async () => {
    await pool.end().catch(() => {});
  };
}
