import Link from 'next/link';
import { cn } from '@/components/ui/cn';

/** Tabs as links (state in the URL). */
export function LinkTabs({
  tabs,
  current,
  label,
}: {
  tabs: { id: string; label: string; href: string; count?: number }[];
  current: string;
  label: string;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-800">
      {tabs.map((t) => (
        <Link
          key={t.id}
          href={t.href}
          aria-current={t.id === current ? 'page' : undefined}
          className={cn(
            '-mb-px border-b-2 px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-brand-500',
            t.id === current
              ? 'border-brand-600 font-semibold text-brand-700 dark:text-brand-100'
              : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400',
          )}
        >
          {t.label}
          {t.count !== undefined && <span className="ml-1 text-xs text-slate-500">({t.count})</span>}
        </Link>
      ))}
    </nav>
  );
}
