'use client';

import { Menu, X } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { cn } from '@/components/ui/cn';
import type { NavItem } from './nav';

/**
 * The portal's navigation: a row of links from the `md` breakpoint up; below it (phones) one "Menu" button that
 * opens the links as a list, so nothing is clipped or scrolls sideways. The list closes on navigation and Escape.
 */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const listId = useId();
  // The longest matching prefix is the current page.
  const active = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];

  // a new page closes the menu
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not a value read
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <>
      <button
        type="button"
        className="my-1 inline-flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 md:hidden dark:text-slate-200 dark:hover:bg-slate-800"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? <X className="h-4 w-4" aria-hidden /> : <Menu className="h-4 w-4" aria-hidden />}
        Menu
        {active && <span className="font-normal text-slate-600 dark:text-slate-400">· {active.label}</span>}
      </button>
      <ul id={listId} className={cn('flex-col pb-2 md:flex md:flex-row md:gap-1 md:pb-0', open ? 'flex' : 'hidden')}>
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active?.href === item.href ? 'page' : undefined}
              className={cn(
                'block border-l-2 px-3 py-2 text-sm font-medium whitespace-nowrap md:inline-block md:border-b-2 md:border-l-0',
                active?.href === item.href
                  ? 'border-brand-600 text-brand-700 dark:text-brand-100'
                  : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100',
              )}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
