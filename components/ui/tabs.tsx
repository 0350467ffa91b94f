'use client';

import * as TabsPrimitive from '@radix-ui/react-tabs';
import { cn } from './cn';

/**
 * Tabs within one place of a page (Radix: arrow keys move between tabs, Tab goes to the panel). For tabs that
 * are pages of their own, with the state in the URL, use LinkTabs.
 */
export const Tabs = TabsPrimitive.Root;

export function TabsList({ className, ...props }: React.ComponentProps<typeof TabsPrimitive.List>) {
  return <TabsPrimitive.List className={cn('flex gap-1 text-xs', className)} {...props} />;
}

export function TabsTrigger({ className, ...props }: React.ComponentProps<typeof TabsPrimitive.Trigger>) {
  return (
    <TabsPrimitive.Trigger
      className={cn(
        'rounded px-2 py-1 text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500 data-[state=active]:bg-slate-200 data-[state=active]:font-medium data-[state=active]:text-slate-900 dark:text-slate-400 dark:data-[state=active]:bg-slate-700 dark:data-[state=active]:text-slate-100',
        className,
      )}
      {...props}
    />
  );
}

/** A tab's panel; `forceMount` keeps it (and what is typed in it) in the page while another tab shows. */
export function TabsContent({ className, ...props }: React.ComponentProps<typeof TabsPrimitive.Content>) {
  return (
    <TabsPrimitive.Content
      className={cn('focus-visible:outline-2 focus-visible:outline-brand-500 data-[state=inactive]:hidden', className)}
      {...props}
    />
  );
}
