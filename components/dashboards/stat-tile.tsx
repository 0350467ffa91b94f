import Link from 'next/link';
import { cn } from '@/components/ui/cn';

export type Tone = 'neutral' | 'good' | 'warning' | 'critical';

const TONES: Record<Tone, string> = {
  neutral: 'border-slate-200 dark:border-slate-800',
  good: 'border-emerald-300 dark:border-emerald-800',
  warning: 'border-amber-400 dark:border-amber-700',
  critical: 'border-red-400 dark:border-red-700',
};

/** A figure that opens the list behind it. The label and the hint carry the meaning, not the colour alone. */
export function StatTile({
  label,
  value,
  hint,
  href,
  tone = 'neutral',
}: {
  label: string;
  value: string | number;
  hint?: string;
  href: string;
  tone?: Tone;
}) {
  return (
    <li>
      <Link
        href={href}
        className={cn(
          'block h-full rounded-xl border-2 bg-white p-4 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500 dark:bg-slate-900 dark:hover:bg-slate-800',
          TONES[tone],
        )}
      >
        <span className="block text-sm text-slate-600 dark:text-slate-400">{label}</span>
        <span className="block text-3xl font-semibold tabular-nums">{value}</span>
        {hint ? <span className="mt-1 block text-xs text-slate-500 dark:text-slate-400">{hint}</span> : null}
      </Link>
    </li>
  );
}
