import type { Server } from 'socket.io';
import { ticketRoomsFor } from '@/lib/domain/messaging/policy';
import { logger } from '../logger';
import type { AuthedSocket, SocketModule } from './server';

const TICKET = /^TX\d{14}$/;
type Ack = (reply: { ok: boolean; error?: string; internal?: boolean }) => void;

const pending = new Map<string, NodeJS.Timeout>();

/** Broadcast who is viewing a ticket (debounced: a burst of joins sends one update). */
function schedulePresence(io: Server, ticket: string) {
  if (pending.has(ticket)) return;
  pending.set(
    ticket,
    setTimeout(async () => {
      pending.delete(ticket);
      try {
        const sockets = await io.in(`ticket:${ticket}`).fetchSockets();
        const viewers = new Map<number, { id: number; name: string }>();
        for (const s of sockets) {
          const a = (s.data as { actor?: { id: number; name: string } }).actor;
          if (a) viewers.set(a.id, { id: a.id, name: a.name });
        }
        io.to(`ticket:${ticket}`).emit('presence', { type: 'presence', ticket_id: ticket, viewers: [...viewers.values()] });
      } catch (e) {
        logger.warn('presence failed', { ticket, error: String(e) });
      }
    }, 50),
  );
}

function ticketOf(data: unknown): string | null {
  const t = (data as { ticket_id?: unknown } | null)?.ticket_id;
  return typeof t === 'string' && TICKET.test(t) ? t : null;
}

const reply = (ack: unknown, value: Parameters<Ack>[0]) => {
  if (typeof ack === 'function') (ack as Ack)(value);
};

/**
 * Ticket rooms for messaging: `join_ticket` joins `ticket:{n}` only when the ticket policy lets the user see
 * the ticket (and `ticket:{n}:internal` when they may see internal items); `typing` is relayed to the others
 * in the room; `presence` lists the viewers on every join, leave and disconnect.
 */
export const messagingSocketModule: SocketModule = (socket: AuthedSocket, io: Server) => {
  const actor = socket.data.actor;
  const joined = new Set<string>();

  socket.on('join_ticket', async (data: unknown, ack?: unknown) => {
    const ticket = ticketOf(data);
    if (!ticket) return reply(ack, { ok: false, error: 'INVALID_TICKET' });
    try {
      const rooms = await ticketRoomsFor(actor, ticket);
      if (!rooms.length || socket.disconnected) return reply(ack, { ok: false, error: 'NOT_FOUND' });
      await socket.join(rooms);
      joined.add(ticket);
      reply(ack, { ok: true, internal: rooms.length > 1 });
      schedulePresence(io, ticket);
    } catch (e) {
      logger.warn('join_ticket failed', { ticket, error: String(e) });
      reply(ack, { ok: false, error: 'INTERNAL_ERROR' });
    }
  });

  socket.on('leave_ticket', async (data: unknown, ack?: unknown) => {
    const ticket = ticketOf(data);
    if (!ticket) return reply(ack, { ok: false, error: 'INVALID_TICKET' });
    await socket.leave(`ticket:${ticket}`);
    await socket.leave(`ticket:${ticket}:internal`);
    joined.delete(ticket);
    reply(ack, { ok: true });
    schedulePresence(io, ticket);
  });

  socket.on('typing', (data: unknown) => {
    const ticket = ticketOf(data);
    if (!ticket || !socket.rooms.has(`ticket:${ticket}`)) return;
    const d = data as { is_typing?: unknown; internal?: unknown };
    const internal = d.internal === true && socket.rooms.has(`ticket:${ticket}:internal`);
    socket.to(internal ? `ticket:${ticket}:internal` : `ticket:${ticket}`).emit('typing', {
      type: 'typing',
      ticket_id: ticket,
      internal,
      is_typing: d.is_typing !== false,
      user: { id: actor.id, name: actor.name },
    });
  });

  socket.on('disconnect', () => {
    for (const ticket of joined) schedulePresence(io, ticket);
  });
};
