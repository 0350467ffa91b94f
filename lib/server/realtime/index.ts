import type { Server } from 'socket.io';

/** The socket.io server lives on globalThis: server.ts creates it, route handlers (bundled apart) use it. */
const g = globalThis as unknown as { __switchboardIo?: Server };

export function setIo(io: Server | undefined) {
  g.__switchboardIo = io;
}

export function io(): Server | undefined {
  return g.__switchboardIo;
}

/** Push a small "changed" event to a room (`user:{id}`, `ticket:{number}`); clients re-read. */
export function publish(room: string, event: string, data: unknown): void {
  g.__switchboardIo?.to(room).emit(event, data);
}

/** Take a user's sockets out of rooms they may no longer be in (e.g. after losing access to a ticket). */
export function leaveRooms(userId: number, rooms: string[]): void {
  if (rooms.length) g.__switchboardIo?.in(`user:${userId}`).socketsLeave(rooms);
}

/** End a user's live connections (their sessions were revoked); with REALTIME_CLUSTER in every process. */
export function disconnectUser(userId: number): void {
  g.__switchboardIo?.in(`user:${userId}`).disconnectSockets(true);
}
