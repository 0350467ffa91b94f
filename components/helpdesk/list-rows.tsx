'use client';

import { useRouter } from 'next/navigation';
import { cn } from '@/components/ui/cn';

/**
 * A table row that opens its ticket: a click anywhere on it (except on a control inside it) or Enter while it has
 * focus goes to `href`. The ticket number stays a real link, so the row also works without script.
 */
export function RowLink({ href, className, children, ...props }: React.ComponentProps<'tr'> & { href: string }) {
  const router = useRouter();
  const inControl = (t: EventTarget) => t instanceof Element && !!t.closest('a,button,input,select,textarea,label');
  return (
    <tr
      tabIndex={0}
      data-href={href}
      className={cn(
        'cursor-pointer hover:bg-slate-50/60 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-500 dark:hover:bg-slate-800/40',
        className,
      )}
      onClick={(e) => {
        if (!inControl(e.target)) router.push(href);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) router.push(href);
      }}
      {...props}
    >
      {children}
    </tr>
  );
}
