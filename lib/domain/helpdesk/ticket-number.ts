// Ticket numbers: TX + UTC date + 6 random digits (unique index; a collision retries).
import { randomInt } from 'node:crypto';

export function newTicketNumber(now = new Date()): string {
  const ymd = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `TX${ymd}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}
