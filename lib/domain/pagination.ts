import { z } from 'zod';

/** `page` and `page_size` (default 10, max 100) for every list. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(10),
});
export type PageQuery = z.infer<typeof pageQuery>;

/** A page of results; the HTTP layer adds `next`/`previous` links from the request URL. */
export class Page<T> {
  constructor(
    readonly count: number,
    readonly results: T[],
    readonly page: number,
    readonly pageSize: number,
    /** Extra top-level fields some endpoints add (e.g. unread_count). */
    readonly extra: Record<string, unknown> = {},
  ) {}

  get hasNext(): boolean {
    return this.page * this.pageSize < this.count;
  }

  toJSON(url?: URL) {
    const link = (page: number) => {
      if (!url) return null;
      const u = new URL(url);
      u.searchParams.set('page', String(page));
      return u.toString();
    };
    return {
      count: this.count,
      next: this.hasNext ? link(this.page + 1) : null,
      previous: this.page > 1 ? link(this.page - 1) : null,
      ...this.extra,
      results: this.results,
    };
  }
}

/**
 * A page reached by keyset (`cursor`): `next` continues after its last row (`next_cursor`), there is no `previous`
 * (a cursor walks forward; page 1 starts the list again). `count` is the list's count, as on numbered pages.
 */
export class KeysetPage<T> extends Page<T> {
  constructor(
    count: number,
    results: T[],
    pageSize: number,
    readonly nextCursor: string | null,
    extra: Record<string, unknown> = {},
  ) {
    super(count, results, 1, pageSize, extra);
  }

  override get hasNext(): boolean {
    return this.nextCursor !== null;
  }

  override toJSON(url?: URL) {
    let next: string | null = null;
    if (url && this.nextCursor) {
      const u = new URL(url);
      u.searchParams.delete('page');
      u.searchParams.set('cursor', this.nextCursor);
      next = u.toString();
    }
    return { count: this.count, next, previous: null, next_cursor: this.nextCursor, ...this.extra, results: this.results };
  }
}

export function skipTake(q: PageQuery) {
  return { skip: (q.page - 1) * q.page_size, take: q.page_size };
}

/** The output schema of a paginated answer (`Page#toJSON`): `{count, next, previous, ...extra, results}`. */
export function pageOutput<T extends z.ZodType, E extends z.ZodRawShape = Record<never, never>>(item: T, extra?: E) {
  return z.object({
    count: z.number().int(),
    next: z.string().nullable(),
    previous: z.string().nullable(),
    ...(extra ?? ({} as E)),
    results: z.array(item),
  });
}
