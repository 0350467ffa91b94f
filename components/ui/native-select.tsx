import { cn } from './cn';

/** A native select styled like Input (keyboard and screen-reader friendly by default). */
export function NativeSelect({ className, ...props }: React.ComponentProps<'select'>) {
  return (
    <select
      className={cn(
        'block h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm shadow-sm',
        'focus-visible:border-brand-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-500',
        'aria-[invalid=true]:border-red-500 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-950',
        className,
      )}
      {...props}
    />
  );
}
