import Link from 'next/link';
import { buttonVariants } from './button';

/** Previous/next links for a paginated list; `href(page)` builds each link (keeping filters). */
export function Pager({
  page,
  count,
  pageSize,
  href,
}: {
  page: number;
  count: number;
  pageSize: number;
  href: (page: number) => string;
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
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link className={buttonVariants({ variant: 'secondary', size: 'sm' })} href={href(page + 1)} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
