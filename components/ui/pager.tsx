import Link from 'next/link';
import { buttonVariants } from './button';

/**
 * Previous/next links for a paginated list; `href(page)` builds each link (keeping filters). An `estimated` count
 * (a long list counted only up to a bound, or PostgreSQL's estimate) shows its page total as "501+", not as exact.
 */
export function Pager({
  page,
  count,
  pageSize,
  href,
  estimated = false,
}: {
  page: number;
  count: number;
  pageSize: number;
  href: (page: number) => string;
  estimated?: boolean;
}) {
  const pages = Math.max(1, Math.ceil(count / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center gap-2">
      {page > 1 ? (
        <Link className={buttonVariants({ variant: 'secondary', size: 'sm' })} href={href(page - 1)} rel="prev">
          Previous
        </Link>
      ) : null}
      <span className="px-2 text-sm text-slate-600 dark:text-slate-400" aria-current="page">
        Page {page} of {pages.toLocaleString('en')}
        {estimated ? '+' : ''}
      </span>
      {page < pages ? (
        <Link className={buttonVariants({ variant: 'secondary', size: 'sm' })} href={href(page + 1)} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
