/**
 * Keyset pagination of the ticket list (`cursor`): a page continues strictly after the last row of the one before in
 * the list's order (sort field, then id), so it costs the same at any depth and tickets created or changed while a
 * client walks the list never make it skip or repeat a row (an offset shifts when rows are added above it).
 */
import { z } from 'zod';
import type { Prisma } from '@/lib/generated/prisma/client';
import { validationFailed } from '../errors';

export const SORTS = ['created_at', 'updated_at', 'priority', 'status', 'ticket_number', 'subject'] as const;
export type Sort = (typeof SORTS)[number];
type Order = 'asc' | 'desc';

export const SORT_FIELDS = {
  created_at: 'createdAt',
  updated_at: 'updatedAt',
  priority: 'priorityRank',
  status: 'status',
  ticket_number: 'ticketNumber',
  subject: 'subject',
} as const satisfies Record<Sort, keyof Prisma.TicketWhereInput>;

type Row = {
  id: number;
  createdAt: Date;
  updatedAt: Date;
  priorityRank: number | null;
  status: string;
  ticketNumber: string;
  subject: string;
};

/** What a cursor carries: the list's order, and the last row's sort value and id. */
const cursorShape = z.tuple([
  z.enum(SORTS),
  z.enum(['asc', 'desc']),
  z.union([z.string(), z.number(), z.null()]),
  z.number().int().positive(),
]);
type Cursor = z.infer<typeof cursorShape>;

const DATE_SORTS: Sort[] = ['created_at', 'updated_at'];

/** The cursor after `row` (opaque to clients: base64url JSON). */
export function cursorAfter(row: Row, sort: Sort, order: Order): string {
  const v = row[SORT_FIELDS[sort]];
  const value = v instanceof Date ? v.toISOString() : v;
  return Buffer.from(JSON.stringify([sort, order, value, row.id] satisfies Cursor)).toString('base64url');
}

const refuse = (why: string) => validationFailed({ cursor: [why] });

/** The cursor of a request, checked against the list's order (a cursor continues the list it came from). */
export function readCursor(cursor: string, sort: Sort, order: Order): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse('Not a cursor of this list');
  }
  const c = cursorShape.safeParse(parsed);
  if (!c.success) throw refuse('Not a cursor of this list');
  if (c.data[0] !== sort || c.data[1] !== order)
    throw refuse(`This cursor continues the list sorted by ${c.data[0]} ${c.data[1]}`);
  const value = c.data[2];
  const fits = DATE_SORTS.includes(sort)
    ? typeof value === 'string' && !Number.isNaN(Date.parse(value))
    : sort === 'priority'
      ? value === null || typeof value === 'number'
      : typeof value === 'string';
  if (!fits) throw refuse('Not a cursor of this list');
  return c.data;
}

/**
 * Rows strictly after the cursor in the order (sort field `order`, then id `order`; a missing priority sorts last
 * either way, as the list does). The bound on the sort field itself comes first so the index scan starts at the
 * cursor instead of filtering every row before it.
 */
export function afterCursor([sort, order, raw, id]: Cursor): Prisma.TicketWhereInput {
  const field = SORT_FIELDS[sort];
  const value = raw !== null && DATE_SORTS.includes(sort) ? new Date(raw) : raw;
  const beyond = order === 'asc' ? 'gt' : 'lt';
  const reach = order === 'asc' ? 'gte' : 'lte';
  const idBeyond = { id: { [beyond]: id } };
  if (value === null) return { AND: [{ [field]: null }, idBeyond] }; // only a priority can be missing: the tail
  const after: Prisma.TicketWhereInput = {
    AND: [{ [field]: { [reach]: value } }, { OR: [{ [field]: { [beyond]: value } }, { [field]: value, ...idBeyond }] }],
  };
  return sort === 'priority' ? { OR: [after, { [field]: null }] } : after;
}
