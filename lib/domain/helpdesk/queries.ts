import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import type { Actor } from '../actor';
import { forbidden, notFound } from '../errors';
import { peopleToShow, userIdsMatching, usersByIds } from '../identity/directory';
import { KeysetPage, Page, type PageQuery, skipTake } from '../pagination';
import { slaState, ticketPausedBy } from '../sla/clock';
import { SLA_DUE_SOON_PERCENT } from '../sla/settings';
import { CATEGORIES, DEPARTMENTS } from './catalog';
import { historySummary, noteIsForRequester } from './history-text';
import { afterCursor, cursorAfter, readCursor, SORT_FIELDS } from './keyset';
import { assertCanSee, canSeeInternal, seesAllTickets, TERMINAL, ticketVisibilityWhere } from './policy';
import type { CommentListQuery, Status, TicketListQuery } from './schemas';
import {
  type MentionNames,
  mentionedIn,
  mentionNames,
  mentionNamesOf,
  mentionsOf,
  type ThreadRow,
  threadAccess,
  threadInclude,
  threadWhere,
} from './thread';

/** The ticket detail carries the newest comments; older ones page in with `GET …/comments/?before=<id>`. */
export const DETAIL_COMMENTS = 50;
type TicketRow = Prisma.TicketGetPayload<object>;
type AttachmentRow = Prisma.TicketAttachmentGetPayload<object>;

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** Load a ticket by id or number as the caller sees it (404 when invisible). */
export async function loadTicket(actor: Actor, ref: string | number): Promise<TicketRow> {
  const where = typeof ref === 'number' || /^\d+$/.test(ref) ? { id: Number(ref) } : { ticketNumber: ref };
  return assertCanSee(actor, await db.ticket.findUnique({ where }));
}

export function attachmentUrl(id: number) {
  return `/hdts/api/v1/attachments/${id}/`;
}

/** Statuses in which the ticket's resolution clock runs; any other status has stopped it. */
const RUNNING = ['New', 'Open', 'In Progress', 'On Hold'];

/** The ticket's one SLA clock at this moment (the resolution target; the workflow's once routed). */
const slaStoppedAt = (t: Pick<TicketRow, 'status' | 'resolvedAt' | 'timeClosed' | 'updatedAt'>) =>
  RUNNING.includes(t.status) ? null : (t.resolvedAt ?? t.timeClosed ?? t.updatedAt);

export function ticketSla(
  t: Pick<
    TicketRow,
    | 'status'
    | 'createdAt'
    | 'updatedAt'
    | 'resolvedAt'
    | 'timeClosed'
    | 'resolutionDueAt'
    | 'slaStartedAt'
    | 'slaDueSoonAt'
    | 'slaAtRiskAt'
  >,
  now = new Date(),
) {
  return slaState(
    {
      startedAt: t.slaStartedAt ?? t.createdAt,
      dueAt: t.resolutionDueAt,
      stoppedAt: slaStoppedAt(t),
      dueSoonPercent: SLA_DUE_SOON_PERCENT,
      dueSoonAt: t.slaDueSoonAt,
      atRiskAt: t.slaAtRiskAt,
    },
    now,
  );
}

function slaStatusOf(t: TicketRow) {
  const s = ticketSla(t).state;
  return s === 'none' ? null : s;
}

/** A ticket as `actor` reads it: approval notes are staff notes (canSeeInternal), null for the requester. */
function summary(actor: Actor, t: TicketRow, names: Map<number, { name: string; email: string }>) {
  const employee = names.get(t.employeeId);
  return {
    id: t.id,
    ticket_number: t.ticketNumber,
    /** 003's name for the ticket number. */
    ticket_id: t.ticketNumber,
    subject: t.subject,
    description: t.description,
    category: t.category,
    sub_category: t.subCategory,
    /** 003's spelling. */
    subcategory: t.subCategory,
    department: t.department,
    priority: t.priority,
    /** 004's facts of an incident (null / empty unless given). */
    environment: t.environment,
    affected_service: t.affectedService,
    impact_level: t.impactLevel,
    tags: t.tags,
    status: t.status as Status,
    employee: { id: t.employeeId, name: employee?.name ?? null, email: employee?.email ?? null, department: null },
    ticket_owner_id: t.ownerId,
    ticket_owner_name: t.ownerId ? (names.get(t.ownerId)?.name ?? null) : null,
    assignee_id: t.assigneeId,
    assignee_name: t.assigneeId ? (names.get(t.assigneeId)?.name ?? null) : null,
    /** 003: the assignee's e-mail. */
    assigned_to: t.assigneeId ? (names.get(t.assigneeId)?.email ?? null) : null,
    approved_by: t.approvedById ? { id: t.approvedById, name: names.get(t.approvedById)?.name ?? null } : null,
    approved_at: iso(t.approvedAt),
    approval_notes: canSeeInternal(actor, t) ? t.approvalNotes : null,
    rejection_reason: t.rejectionReason,
    rejected_at: iso(t.rejectedAt),
    withdraw_reason: t.withdrawReason,
    resolution_notes: t.resolutionNotes,
    resolved_at: iso(t.resolvedAt),
    response_due_at: iso(t.responseDueAt),
    /** The one SLA clock's state (lib/domain/sla/clock.ts): on_track, warning, at_risk, breached, met; null = none. */
    sla_status: slaStatusOf(t),
    /** Elapsed share of the resolution window's business time, in percent (0 without a target). */
    sla_percent: ticketSla(t).percent,
    sla_started_at: iso(t.slaStartedAt ?? t.createdAt),
    sla_stopped_at: iso(slaStoppedAt(t)),
    /** The business-time instants the resolution clock reads "Due soon" and "At risk" from (null: wall-clock share). */
    sla_due_soon_at: iso(t.slaDueSoonAt),
    sla_at_risk_at: iso(t.slaAtRiskAt),
    /** The status pausing the clock ("On Hold"), null while it runs or once it stopped. */
    sla_paused_by: ticketPausedBy(t.status, slaStoppedAt(t)),
    /** Recorded when the clock stopped (resolved, or closed unresolved): met or breached; null while it runs. */
    sla_outcome: t.slaOutcome as 'met' | 'breached' | null,
    sla_outcome_at: iso(t.slaOutcomeAt),
    resolution_due_at: iso(t.resolutionDueAt),
    created_at: t.createdAt.toISOString(),
    submit_date: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
    time_closed: iso(t.timeClosed),
    date_completed: iso(t.dateCompleted),
    resolution_time: t.resolutionTimeSeconds,
    csat_rating: t.csatRating,
    csat_feedback: t.csatFeedback,
  };
}
export type TicketSummary = ReturnType<typeof summary>;

const peopleOf = (t: TicketRow) => [t.employeeId, t.ownerId, t.assigneeId, t.approvedById].filter((x): x is number => !!x);

export async function ticketSummaries(actor: Actor, rows: TicketRow[]): Promise<TicketSummary[]> {
  const { byId: names } = await peopleToShow(rows.flatMap(peopleOf));
  return rows.map((t) => summary(actor, t, names));
}

interface DetailPartsRow {
  attachments: (Omit<AttachmentRow, 'createdAt'> & { createdAt: string })[];
  comments_count: number;
  comments: (Omit<ThreadRow, 'createdAt' | 'updatedAt' | 'editedAt' | 'unsentAt' | 'attachments'> & {
    createdAt: string;
    updatedAt: string;
    editedAt: string | null;
    unsentAt: string | null;
    attachments: (Omit<ThreadRow['attachments'][number], 'createdAt'> & { createdAt: string })[];
  })[];
}

const date = (s: string) => new Date(s);
const maybeDate = (s: string | null) => (s ? new Date(s) : null);

/**
 * Everything the detail shows beside the ticket row, in one round trip (a point read is the hottest path: at most
 * three statements with the ticket and the names): its attachments, how many comments the caller may read, and the
 * newest `limit` of them (oldest first) with their ratings and files. `internal` is the caller's right to read
 * internal comments (canSeeInternal), decided on the ticket row.
 */
async function detailParts(ticketId: number, internal: boolean, limit: number) {
  const [row] = await db.$queryRaw<DetailPartsRow[]>`
    SELECT
      (SELECT COALESCE(json_agg(json_build_object(
                'id', a.id, 'ticketId', a.ticket_id, 'uploaderId', a.uploader_id, 'filename', a.filename,
                'storedName', a.stored_name, 'mimeType', a.mime_type, 'size', a.size, 'sha256', a.sha256,
                'createdAt', a.created_at) ORDER BY a.id), '[]'::json)
         FROM helpdesk.ticket_attachments a WHERE a.ticket_id = ${ticketId}) AS attachments,
      (SELECT count(*)::int FROM helpdesk.ticket_comments c
        WHERE c.ticket_id = ${ticketId} AND (${internal} OR NOT c.is_internal)) AS comments_count,
      (SELECT COALESCE(json_agg(json_build_object(
                'id', c.id, 'ticketId', c.ticket_id, 'authorId', c.author_id, 'body', c.body,
                'isInternal', c.is_internal, 'parentId', c.parent_id, 'editedAt', c.edited_at, 'unsentAt', c.unsent_at,
                'createdAt', c.created_at, 'updatedAt', c.updated_at,
                'ratings', (SELECT COALESCE(json_agg(json_build_object('userId', r.user_id, 'value', r.value)), '[]'::json)
                              FROM helpdesk.ticket_comment_ratings r WHERE r.comment_id = c.id),
                'attachments', (SELECT COALESCE(json_agg(json_build_object(
                                          'id', f.id, 'fileName', f.file_name, 'contentType', f.content_type,
                                          'size', f.size, 'createdAt', f.created_at) ORDER BY f.id), '[]'::json)
                                  FROM helpdesk.ticket_comment_attachments f WHERE f.comment_id = c.id))
              ORDER BY c.id), '[]'::json)
         FROM (SELECT * FROM helpdesk.ticket_comments c
                WHERE c.ticket_id = ${ticketId} AND (${internal} OR NOT c.is_internal)
                ORDER BY c.id DESC LIMIT ${limit}) c) AS comments`;
  return {
    attachments: row.attachments.map((a) => ({ ...a, createdAt: date(a.createdAt) })),
    count: row.comments_count,
    comments: row.comments.map(
      (c): ThreadRow => ({
        ...c,
        createdAt: date(c.createdAt),
        updatedAt: date(c.updatedAt),
        editedAt: maybeDate(c.editedAt),
        unsentAt: maybeDate(c.unsentAt),
        attachments: c.attachments.map((f) => ({ ...f, createdAt: date(f.createdAt) })),
      }),
    ),
  };
}

/**
 * The full ticket (000 §3 shape): employee, owner, attachments and the newest comments the caller may see
 * (oldest first, at most DETAIL_COMMENTS); `comments_count` counts them all.
 */
export async function ticketDetail(actor: Actor, t: TicketRow) {
  const parts = await detailParts(t.id, canSeeInternal(actor, t), DETAIL_COMMENTS);
  // the ticket's people, the authors and the mentioned people: from the people cache, else in one statement
  const people = await peopleToShow(
    [...peopleOf(t), ...parts.comments.map((c) => c.authorId)],
    mentionedIn(parts.comments.map((c) => c.body)),
  );
  const names = people.byId;
  const mentioned = mentionNamesOf(people.byUsername);
  return {
    ...summary(actor, t, names),
    attachments: parts.attachments.map(attachmentDto),
    comments: parts.comments.map((c) => commentDto(c, names, mentioned)),
    comments_count: parts.count,
  };
}
export type TicketDetail = Awaited<ReturnType<typeof ticketDetail>>;

/** One ticket as the caller sees it (404 when invisible): the row, its detail parts, the people's names. */
export async function getTicket(actor: Actor, ref: string | number) {
  return ticketDetail(actor, await loadTicket(actor, ref));
}

export async function getTicketByNumber(actor: Actor, ticketNumber: string) {
  return getTicket(actor, ticketNumber);
}

export function attachmentDto(a: {
  id: number;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  createdAt: Date;
  uploaderId: number;
}) {
  return {
    id: a.id,
    filename: a.filename,
    url: attachmentUrl(a.id),
    mime_type: a.mimeType,
    size: a.size,
    sha256: a.sha256,
    uploaded_by: a.uploaderId,
    uploaded_at: a.createdAt.toISOString(),
  };
}

/**
 * A comment as the help-desk APIs show it (000 §3 fields, plus the thread's reply, edit and unsend marks, and
 * `mentions`: the mentioned people by name, login → name, from `mentionNames`).
 */
export function commentDto(c: ThreadRow, names: Map<number, { name: string }>, mentioned: MentionNames = {}) {
  return {
    id: c.id,
    user_id: c.authorId,
    user_name: names.get(c.authorId)?.name ?? null,
    comment: c.unsentAt ? '' : c.body,
    mentions: mentionsOf(c, mentioned),
    is_internal: c.isInternal,
    parent_id: c.parentId,
    is_unsent: !!c.unsentAt,
    edited_at: iso(c.editedAt),
    attachments: c.attachments.map((a) => ({
      id: a.id,
      filename: a.fileName,
      mime_type: a.contentType,
      size: a.size,
      url: `/messaging/api/comments/${c.id}/attachments/${a.id}/`,
    })),
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}
export type CommentView = ReturnType<typeof commentDto>;

/** Tickets a search considers: the newest this many matches (the count then says it is a lower bound). */
export const SEARCH_MATCH_CAP = 1000;
/** A search looks at the newest this many ticket ids first, and at all tickets only when those match too few. */
export const SEARCH_RECENT_WINDOW = 100_000;

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The ids of the tickets a search finds, newest first, at most SEARCH_MATCH_CAP: full-text matches of subject and
 * description (the stored, GIN-indexed `search` tsvector) or of a (visible) comment, a substring of the subject or
 * the ticket number (trigram indexes holding the id too, btree_gin), or a ticket of a matching requester. Each branch
 * is a bitmap of its index
 * (`id + 0` keeps the planner from walking the primary key backwards through a million rows for a rare word) and
 * costs the rows it reads, so a broad word is first looked up among the newest SEARCH_RECENT_WINDOW tickets (a
 * BitmapAnd with the id range: 1.7k rows instead of 17k for "printer offline" at a million tickets); the whole
 * table is searched only when that window holds fewer than the cap. `capped`: more tickets match than returned.
 */
export async function searchTicketIds(
  search: string,
  includeInternal: boolean,
  requesters: number[],
  window = SEARCH_RECENT_WINDOW,
): Promise<{ ids: number[]; capped: boolean }> {
  const like = likePattern(search);
  const numberLike = likePattern(search.toUpperCase());
  const limit = SEARCH_MATCH_CAP + 1;
  const run = (from: number) => {
    // no range on the whole-table pass: "id >= 0" would make the (id, trigram) index read every id it holds
    const recent = (column: string) => (from > 0 ? Prisma.sql`AND ${Prisma.raw(column)} >= ${from}` : Prisma.empty);
    // Inside the window the full text may walk the primary key backwards (it reads at most the window, and stops at
    // the cap: 1.7k rows for "printer offline" instead of a BitmapAnd with 100k ids read from a trigram index); the
    // whole-table pass keeps "id + 0" so a rare word is a bitmap, not a walk through a million rows.
    const textOrder = from > 0 ? Prisma.sql`t.id DESC` : Prisma.sql`t.id + 0 DESC`;
    // "::bigint": a cross-type bound the primary key serves and btree_gin's int4 class does not (PostgreSQL 18), so a
    // number pattern is a lookup of its trigrams (none, for words) instead of a read of the window's 100k ids.
    const recentBigint = from > 0 ? Prisma.sql`AND t.id >= ${from}::bigint` : Prisma.empty;
    return db.$queryRaw<{ id: number }[]>`
      SELECT id FROM (
        (SELECT t.id FROM helpdesk.tickets t
          WHERE t.search @@ websearch_to_tsquery('english', ${search}) ${recent('t.id')}
          ORDER BY ${textOrder} LIMIT ${limit})
        UNION
        (SELECT c.ticket_id FROM helpdesk.ticket_comments c
          WHERE to_tsvector('english', coalesce(c.body, '')) @@ websearch_to_tsquery('english', ${search})
            AND (${includeInternal} OR NOT c.is_internal) ${recent('c.ticket_id')}
          ORDER BY c.ticket_id + 0 DESC LIMIT ${limit})
        UNION
        (SELECT t.id FROM helpdesk.tickets t WHERE t.subject ILIKE ${like} ${recent('t.id')}
          ORDER BY t.id + 0 DESC LIMIT ${limit})
        UNION
        (SELECT t.id FROM helpdesk.tickets t WHERE t.ticket_number LIKE ${numberLike} ${recentBigint}
          ORDER BY t.id + 0 DESC LIMIT ${limit})
        UNION
        (SELECT t.id FROM helpdesk.tickets t WHERE t.employee_id = ANY(${requesters}::int[]) ${recent('t.id')}
          ORDER BY t.id + 0 DESC LIMIT ${limit})
      ) m ORDER BY id DESC LIMIT ${limit}`;
  };
  const [top] = await db.$queryRaw<{ id: number | null }[]>`SELECT max(id) AS id FROM helpdesk.tickets`;
  const recentFrom = Math.max(0, (top?.id ?? 0) - window);
  let rows = recentFrom > 0 ? await run(recentFrom) : [];
  if (rows.length <= SEARCH_MATCH_CAP) rows = await run(0);
  return { ids: rows.slice(0, SEARCH_MATCH_CAP).map((r) => r.id), capped: rows.length > SEARCH_MATCH_CAP };
}

/** Lists of at least this many tickets report PostgreSQL's row estimate instead of counting (`count_estimated`). */
export const EXACT_COUNT_MAX = 10_000;
/** From this offset on, a page is found by ids first (an index-only scan) and its rows read by id. */
const DEEP_OFFSET = 1000;

/** The planner's row count of the tickets table (kept by ANALYZE/autovacuum), or null if never analysed. */
async function estimatedTicketCount(): Promise<number | null> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'helpdesk.tickets'::regclass`;
  const n = rows[0]?.n ?? -1;
  return n >= 0 ? Math.round(n) : null;
}

export async function listTickets(actor: Actor, q: TicketListQuery): Promise<Page<TicketSummary>> {
  const and: Prisma.TicketWhereInput[] = [ticketVisibilityWhere(actor)];
  if (q.status?.length) and.push({ status: { in: q.status } });
  if (q.priority?.length) and.push({ priority: { in: q.priority } });
  if (q.category) and.push({ category: q.category });
  if (q.department) and.push({ department: q.department });
  if (q.assignee_id) and.push({ assigneeId: q.assignee_id });
  if (q.employee_id) and.push({ employeeId: q.employee_id });
  if (q.created_after) and.push({ createdAt: { gte: q.created_after } });
  if (q.created_before) and.push({ createdAt: { lte: q.created_before } });
  if (q.view === 'active') and.push({ status: { notIn: TERMINAL } });
  if (q.view === 'records') and.push({ status: { in: TERMINAL } });
  const search = q.search || q.q;
  let searchCapped = false;
  if (search) {
    const staff = seesAllTickets(actor);
    // staff also find tickets by the requester's name, username or e-mail
    const requesters = staff ? await userIdsMatching(search) : [];
    const found = await searchTicketIds(search, staff, requesters);
    searchCapped = found.capped;
    and.push({ id: { in: found.ids } });
  }
  const where: Prisma.TicketWhereInput = { AND: and };
  const sortField = SORT_FIELDS[q.sort_by];
  // Priority ascending means most urgent first (rank 1 = Critical), as 004's example expects.
  const orderBy: Prisma.TicketOrderByWithRelationInput[] = [
    sortField === 'priorityRank' ? { priorityRank: { sort: q.order, nulls: 'last' } } : { [sortField]: q.order },
    { id: q.order },
  ];
  const cursor = q.cursor ? readCursor(q.cursor, q.sort_by, q.order) : null;
  // A keyset page reads one row more than it shows: whether there is a next page, without a count.
  const page = cursor ? { skip: 0, take: q.page_size + 1 } : skipTake(q);
  const [counted, read] = await Promise.all([
    countTickets(where, and.length === 1 && seesAllTickets(actor)),
    pageRows(cursor ? { AND: [...and, afterCursor(cursor)] } : where, orderBy, page),
  ]);
  const rows = read.slice(0, q.page_size);
  const results = await ticketSummaries(actor, rows);
  const last = rows.at(-1);
  const more = cursor ? read.length > q.page_size : page.skip + rows.length < counted.count;
  const nextCursor = last && more ? cursorAfter(last, q.sort_by, q.order) : null;
  const extra = counted.estimated || searchCapped ? { count_estimated: true } : {};
  if (cursor) return new KeysetPage(counted.count, results, q.page_size, nextCursor, extra);
  return new Page(counted.count, results, q.page, q.page_size, { next_cursor: nextCursor, ...extra });
}

/**
 * The list's count. The whole table for staff (no filter) is PostgreSQL's estimate once it passes
 * EXACT_COUNT_MAX: counting a million rows exactly costs more than the page itself, and the figure is shown
 * rounded anyway. Filtered lists count exactly (their filters are indexed).
 */
async function countTickets(where: Prisma.TicketWhereInput, unfiltered: boolean): Promise<{ count: number; estimated: boolean }> {
  if (unfiltered) {
    const estimate = await estimatedTicketCount();
    if (estimate !== null && estimate >= EXACT_COUNT_MAX) return { count: estimate, estimated: true };
  }
  return { count: await db.ticket.count({ where }), estimated: false };
}

/** A page of rows; deep pages walk the index for ids only, then read those rows (same order, same rows). */
async function pageRows(
  where: Prisma.TicketWhereInput,
  orderBy: Prisma.TicketOrderByWithRelationInput[],
  page: { skip: number; take: number },
) {
  if (page.skip < DEEP_OFFSET) return db.ticket.findMany({ where, orderBy, ...page });
  const ids = (await db.ticket.findMany({ where, orderBy, ...page, select: { id: true } })).map((r) => r.id);
  const byId = new Map((await db.ticket.findMany({ where: { id: { in: ids } } })).map((t) => [t.id, t]));
  return ids.map((id) => byId.get(id)).filter((t): t is TicketRow => !!t);
}

/** Counts per status of the tickets the caller sees (tabs). */
export async function ticketStatusCounts(actor: Actor): Promise<Record<string, number>> {
  const rows = await db.ticket.groupBy({ by: ['status'], where: ticketVisibilityWhere(actor), _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}

/** History fields whose values are user ids. */
const PERSON_FIELDS = ['assignee', 'ticket_owner'];

/**
 * The ticket's history. Staff (canSeeInternal) read every entry as stored; the requester reads the public entries
 * with only the notes meant for them (history-text.ts), and every reader gets `summary`, the entry in people's words.
 */
export async function ticketHistory(actor: Actor, ref: string | number) {
  const t = await loadTicket(actor, ref);
  const internal = canSeeInternal(actor, t);
  const rows = await db.ticketHistory.findMany({
    where: { ticketId: t.id, ...(internal ? {} : { isPublic: true }) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  // Owner and assignee changes store user ids; readers get the names beside them.
  const person = (r: { field: string | null }, v: string | null) => (v && PERSON_FIELDS.includes(r.field ?? '') ? Number(v) : 0);
  const names = await usersByIds(rows.flatMap((r) => [r.actorId ?? 0, person(r, r.oldValue), person(r, r.newValue)]));
  const nameOf = (r: { field: string | null }, v: string | null) =>
    person(r, v) ? (names.get(person(r, v))?.name ?? null) : null;
  return {
    ticket_number: t.ticketNumber,
    results: rows.map((r) => {
      const facts = {
        type: r.type,
        field: r.field,
        old_value: r.oldValue,
        new_value: r.newValue,
        old_value_name: nameOf(r, r.oldValue),
        new_value_name: nameOf(r, r.newValue),
        user_name: r.actorId ? (names.get(r.actorId)?.name ?? null) : null,
      };
      const readsNote = internal || noteIsForRequester({ ...facts, by_requester: r.actorId === t.employeeId });
      return {
        id: r.id,
        ...facts,
        summary: historySummary(facts),
        note: readsNote ? r.note : null,
        is_public: r.isPublic,
        user_id: r.actorId,
        /** 004's shape names the help desk itself "System"; `summary` leaves it out. */
        user_name: facts.user_name ?? 'System',
        created_at: r.createdAt.toISOString(),
      };
    }),
  };
}

/** Comments the caller may read, oldest first; with `before`, the `page_size` comments just before that id. */
export async function listComments(actor: Actor, ref: string | number, q: CommentListQuery) {
  const where = threadWhere(await threadAccess(actor, ref));
  const [count, rows] = await Promise.all([
    db.ticketComment.count({ where }),
    q.before
      ? db.ticketComment
          .findMany({
            where: { ...where, id: { lt: q.before } },
            orderBy: { id: 'desc' },
            take: q.page_size,
            include: threadInclude,
          })
          .then((r) => r.reverse())
      : db.ticketComment.findMany({ where, orderBy: { id: 'asc' }, ...skipTake(q), include: threadInclude }),
  ]);
  const [names, mentioned] = await Promise.all([usersByIds(rows.map((c) => c.authorId)), mentionNames(rows.map((c) => c.body))]);
  return new Page(
    count,
    rows.map((c) => commentDto(c, names, mentioned)),
    q.page,
    q.page_size,
  );
}

export async function listAttachments(actor: Actor, ref: string | number) {
  const t = await loadTicket(actor, ref);
  const rows = await db.ticketAttachment.findMany({ where: { ticketId: t.id }, orderBy: { id: 'asc' } });
  return rows.map(attachmentDto);
}

/** An attachment the caller may download (it belongs to a ticket they can see). */
export async function attachmentForDownload(actor: Actor, id: number) {
  const a = await db.ticketAttachment.findUnique({ where: { id }, include: { ticket: true } });
  if (!a) throw notFound('Attachment');
  try {
    assertCanSee(actor, a.ticket);
  } catch {
    throw notFound('Attachment');
  }
  return a;
}

/** CSAT feedback, newest first, with counts per rating (coordinators and admins). */
export async function listFeedback(actor: Actor, q: PageQuery & { rating?: number; owner_id?: number }) {
  if (!seesAllTickets(actor)) throw forbidden('Only coordinators and admins can read CSAT feedback');
  const owner: Prisma.TicketWhereInput = q.owner_id ? { ownerId: q.owner_id } : {};
  const where: Prisma.TicketWhereInput = { ...owner, csatRating: q.rating ? q.rating : { not: null } };
  const [count, rows, buckets] = await Promise.all([
    db.ticket.count({ where }),
    db.ticket.findMany({ where, orderBy: [{ csatAt: 'desc' }, { id: 'desc' }], ...skipTake(q) }),
    db.ticket.groupBy({ by: ['csatRating'], where: { ...owner, csatRating: { not: null } }, _count: { _all: true } }),
  ]);
  const names = await usersByIds(rows.map((r) => r.employeeId));
  const counts: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let total = 0;
  let sum = 0;
  for (const b of buckets) {
    counts[String(b.csatRating)] = b._count._all;
    total += b._count._all;
    sum += (b.csatRating ?? 0) * b._count._all;
  }
  return new Page(
    count,
    rows.map((t) => ({
      ticket_id: t.id,
      ticket_number: t.ticketNumber,
      subject: t.subject,
      rating: t.csatRating,
      feedback: t.csatFeedback,
      employee: { id: t.employeeId, name: names.get(t.employeeId)?.name ?? null },
      submitted_at: iso(t.csatAt),
    })),
    q.page,
    q.page_size,
    { buckets: counts, average: total ? Math.round((sum / total) * 100) / 100 : null, total },
  );
}

/**
 * The catalog of spec 001 §2 as offered to new tickets and articles (the submit form and the API): entries admins
 * retired are left out, and so is a category of a retired department (see catalog-admin.ts).
 */
export async function catalog() {
  const [rows, departments] = await Promise.all([
    db.category.findMany({
      include: { department: true, subCategories: { where: { active: true }, orderBy: { name: 'asc' } } },
      orderBy: { id: 'asc' },
    }),
    db.department.findMany({ orderBy: { id: 'asc' } }),
  ]);
  const offered = rows.filter((c) => c.active && (c.department?.active ?? true));
  return {
    departments: departments.length ? departments.filter((d) => d.active).map((d) => d.name) : [...DEPARTMENTS],
    categories: rows.length
      ? offered.map((c) => ({
          name: c.name,
          department: c.department?.name ?? null,
          sub_categories: c.subCategories.map((s) => s.name),
        }))
      : CATEGORIES.map((c) => ({ name: c.name, department: c.department, sub_categories: c.subCategories })),
  };
}
