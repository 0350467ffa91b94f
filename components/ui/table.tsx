import { cn } from './cn';

export function Table({ className, ...props }: React.ComponentProps<'table'>) {
  return (
    // relative: the frame is the containing block of what is positioned inside (sr-only labels, checkboxes), so a
    // wide table scrolls here and never widens the page (on a phone)
    <div className="relative max-w-full overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className={cn('min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800', className)} {...props} />
    </div>
  );
}

export function THead(props: React.ComponentProps<'thead'>) {
  return <thead className="bg-slate-50 dark:bg-slate-900" {...props} />;
}

export function TBody({ className, ...props }: React.ComponentProps<'tbody'>) {
  return <tbody className={cn('divide-y divide-slate-100 dark:divide-slate-800', className)} {...props} />;
}

export function TR({ className, ...props }: React.ComponentProps<'tr'>) {
  return <tr className={cn('hover:bg-slate-50/60 dark:hover:bg-slate-800/40', className)} {...props} />;
}

export function TH({ className, ...props }: React.ComponentProps<'th'>) {
  return (
    <th
      scope="col"
      className={cn('px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500', className)}
      {...props}
    />
  );
}

export function TD({ className, ...props }: React.ComponentProps<'td'>) {
  return <td className={cn('px-3 py-2 align-middle', className)} {...props} />;
}

/** A full-width message row for empty tables. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: React.ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-3 py-10 text-center text-sm text-slate-500 dark:text-slate-400">
        {children}
      </td>
    </tr>
  );
}
