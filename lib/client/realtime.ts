'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';

/**
 * One socket.io connection per browser tab, authenticated by the session cookie (same origin).
 * The server puts it in `user:{id}`; ticket rooms are joined with useTicketRoom.
 */
let shared: Socket | null = null;
let users = 0;

function acquire(): Socket {
  if (!shared) shared = io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'] });
  users += 1;
  return shared;
}

function release() {
  users -= 1;
  if (users <= 0 && shared) {
    shared.disconnect();
    shared = null;
    users = 0;
  }
}

/** The tab's socket and whether it is connected. */
export function useSocket(): { socket: Socket | null; connected: boolean } {
  const [socket, setSocket] = useState<Socket | null>(null);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const s = acquire();
    setSocket(s);
    setConnected(s.connected);
    const on = () => setConnected(true);
    const off = () => setConnected(false);
    s.on('connect', on);
    s.on('disconnect', off);
    return () => {
      s.off('connect', on);
      s.off('disconnect', off);
      release();
    };
  }, []);
  return { socket, connected };
}

/** Subscribe to one server event while mounted. */
export function useSocketEvent<T = unknown>(event: string, handler: (data: T) => void) {
  const { socket } = useSocket();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!socket) return;
    const fn = (d: T) => ref.current(d);
    socket.on(event, fn);
    return () => {
      socket.off(event, fn);
    };
  }, [socket, event]);
}

export interface Viewer {
  id: number;
  name: string;
}

export interface TicketRoomState {
  /** null while joining; false when the server refused (ticket not visible). */
  joined: boolean | null;
  internal: boolean;
  viewers: Viewer[];
  /** People typing now (other than you), by id. */
  typing: Viewer[];
  /** Tell the room you are typing (debounced by the caller; false when you stop). */
  sendTyping: (isTyping: boolean, internal?: boolean) => void;
}

/**
 * A comment changed. `source` tells the store: `messaging` (spec 002 comments; re-read them) or `helpdesk`
 * (the ticket's comments; public ones only, carrying `comment` as the ticket page renders it, null when deleted).
 */
export interface CommentUpdateEvent {
  action: string;
  comment_id: number;
  ticket_id: string;
  is_internal: boolean;
  source?: 'thread';
  comment?: unknown;
}

/** The ticket (help desk) or its task/ownership (workflow, staff room only) changed; re-read. */
export interface TicketUpdateEvent {
  ticket_number: string;
  action: string;
  source?: 'helpdesk' | 'workflow';
  task_id?: number;
}

interface RoomEvents {
  onCommentUpdate?: (e: CommentUpdateEvent) => void;
  onMessageUpdate?: (e: { action: string; message_id: number; ticket_id: string }) => void;
  onTicketUpdate?: (e: TicketUpdateEvent) => void;
  /** Only typing of this kind (internal conversation or public comments) is reported; `any`: both (staff presence). */
  internalTyping?: boolean | 'any';
}

const JOIN_RETRIES_MS = [1000, 3000, 9000];

/** How many mounted hooks use each ticket's rooms: the rooms are left only when the last one unmounts. */
const roomUsers = new Map<string, number>();

/**
 * Join `ticket:{number}` (and its internal room when allowed) while mounted; rejoins after reconnects.
 * Several components of a page may use the same ticket's rooms.
 */
export function useTicketRoom(ticketId: string, events: RoomEvents = {}): TicketRoomState {
  const { socket } = useSocket();
  const [joined, setJoined] = useState<boolean | null>(null);
  const [internal, setInternal] = useState(false);
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [typing, setTyping] = useState<Viewer[]>([]);
  const ref = useRef(events);
  ref.current = events;
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    if (!socket) return;
    // A refusal may only mean the participant is not recorded yet (a job, just after the ticket was
    // created or assigned): try again a few times before reporting live updates unavailable.
    let attempts = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let active = true;
    const join = () =>
      socket.emit('join_ticket', { ticket_id: ticketId }, (r: { ok: boolean; error?: string; internal?: boolean }) => {
        if (!active) return;
        if (!r.ok && r.error === 'NOT_FOUND' && attempts < JOIN_RETRIES_MS.length) {
          retry = setTimeout(join, JOIN_RETRIES_MS[attempts++]);
          return;
        }
        setJoined(r.ok);
        setInternal(!!r.internal);
      });
    const onPresence = (p: { ticket_id: string; viewers: Viewer[] }) => p.ticket_id === ticketId && setViewers(p.viewers);
    const onComment = (e: CommentUpdateEvent) => e.ticket_id === ticketId && ref.current.onCommentUpdate?.(e);
    const onTicket = (e: TicketUpdateEvent) => e.ticket_number === ticketId && ref.current.onTicketUpdate?.(e);
    const onMessage = (e: { ticket_id: string } & Parameters<NonNullable<RoomEvents['onMessageUpdate']>>[0]) =>
      e.ticket_id === ticketId && ref.current.onMessageUpdate?.(e);
    const onTyping = (t: { ticket_id: string; internal: boolean; is_typing: boolean; user: Viewer }) => {
      const kind = ref.current.internalTyping;
      if (t.ticket_id !== ticketId || (kind !== 'any' && t.internal !== !!kind)) return;
      const clear = timers.current.get(t.user.id);
      if (clear) clearTimeout(clear);
      if (t.is_typing) {
        setTyping((list) => (list.some((u) => u.id === t.user.id) ? list : [...list, t.user]));
        timers.current.set(
          t.user.id,
          setTimeout(() => setTyping((list) => list.filter((u) => u.id !== t.user.id)), 5000),
        );
      } else {
        setTyping((list) => list.filter((u) => u.id !== t.user.id));
      }
    };
    roomUsers.set(ticketId, (roomUsers.get(ticketId) ?? 0) + 1);
    if (socket.connected) join();
    socket.on('connect', join);
    socket.on('presence', onPresence);
    socket.on('comment_update', onComment);
    socket.on('message_update', onMessage);
    socket.on('ticket_update', onTicket);
    socket.on('typing', onTyping);
    return () => {
      active = false;
      clearTimeout(retry);
      const left = (roomUsers.get(ticketId) ?? 1) - 1;
      if (left > 0) roomUsers.set(ticketId, left);
      else {
        roomUsers.delete(ticketId);
        socket.emit('leave_ticket', { ticket_id: ticketId });
      }
      socket.off('connect', join);
      socket.off('presence', onPresence);
      socket.off('comment_update', onComment);
      socket.off('message_update', onMessage);
      socket.off('ticket_update', onTicket);
      socket.off('typing', onTyping);
    };
  }, [socket, ticketId]);

  const sendTyping = useCallback(
    (isTyping: boolean, internalTyping = false) =>
      socket?.emit('typing', { ticket_id: ticketId, is_typing: isTyping, internal: internalTyping }),
    [socket, ticketId],
  );
  return { joined, internal, viewers, typing, sendTyping };
}

/** How long after the last keystroke "is typing…" is withdrawn. */
const TYPING_IDLE_MS = 2000;

/**
 * Tell the ticket's room that you are writing (`Sam is replying…`): `typed()` on every change, `stopped()` once
 * sent. Typing into an internal note goes to the staff room only.
 */
export function useTypingSignal(ticketId: string) {
  const room = useTicketRoom(ticketId);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const kind = useRef(false);
  const { sendTyping } = room;
  const stopped = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    if (timer.current) sendTyping(false, kind.current);
    timer.current = null;
  }, [sendTyping]);
  const typed = useCallback(
    (internal = false) => {
      if (timer.current && kind.current !== internal) stopped();
      kind.current = internal;
      if (!timer.current) sendTyping(true, internal);
      else clearTimeout(timer.current);
      timer.current = setTimeout(stopped, TYPING_IDLE_MS);
    },
    [sendTyping, stopped],
  );
  useEffect(() => stopped, [stopped]);
  return { typed, stopped };
}
