import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { PRIORITIES, STATUSES } from '@/lib/domain/helpdesk/schemas';

/** Search and filters as a plain GET form (works with the keyboard and without JavaScript); keeps the tab. */
export function TicketFilters({
  action,
  values,
  tab,
  categories,
  showStatus = true,
}: {
  action: string;
  values: Record<string, string | undefined>;
  tab?: string;
  categories: string[];
  showStatus?: boolean;
}) {
  return (
    <search>
      <form action={action} method="get" className="flex flex-wrap items-end gap-2">
        {tab && <input type="hidden" name="tab" value={tab} />}
        <div className="min-w-52 flex-1">
          <label htmlFor="f-search" className="mb-1 block text-xs font-medium">
            Search
          </label>
          <Input
            id="f-search"
            name="search"
            type="search"
            placeholder="Subject, description, comments or TX number"
            defaultValue={values.search ?? ''}
          />
        </div>
        {showStatus && (
          <div>
            <label htmlFor="f-status" className="mb-1 block text-xs font-medium">
              Status
            </label>
            <NativeSelect id="f-status" name="status" defaultValue={values.status ?? ''}>
              <option value="">Any status</option>
              {STATUSES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </NativeSelect>
          </div>
        )}
        <div>
          <label htmlFor="f-priority" className="mb-1 block text-xs font-medium">
            Priority
          </label>
          <NativeSelect id="f-priority" name="priority" defaultValue={values.priority ?? ''}>
            <option value="">Any priority</option>
            {PRIORITIES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </NativeSelect>
        </div>
        <div>
          <label htmlFor="f-category" className="mb-1 block text-xs font-medium">
            Category
          </label>
          <NativeSelect id="f-category" name="category" defaultValue={values.category ?? ''}>
            <option value="">Any category</option>
            {categories.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </NativeSelect>
        </div>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        <Link href={tab ? `${action}?tab=${tab}` : action} className="px-2 text-sm text-slate-600 underline dark:text-slate-400">
          Clear
        </Link>
      </form>
    </search>
  );
}

/** The list query from page search params (bad values are dropped rather than failing the page). */
/** Columns a list sorts by on the server (`sort_by` and `order` in the URL). */
export const SORTABLE = ['ticket_number', 'subject', 'status', 'priority', 'created_at', 'updated_at'] as const;
export type SortColumn = (typeof SORTABLE)[number];

export function listParams(sp: Record<string, string | string[] | undefined>) {
  const one = (k: string) => (Array.isArray(sp[k]) ? (sp[k] as string[])[0] : (sp[k] as string | undefined)) || undefined;
  const status = one('status');
  const priority = one('priority');
  const sortBy = SORTABLE.find((c) => c === one('sort_by'));
  const order: 'asc' | 'desc' | undefined = one('order') === 'asc' ? 'asc' : one('order') === 'desc' ? 'desc' : undefined;
  return {
    values: { search: one('search'), status, priority, category: one('category'), sort_by: sortBy, order },
    page: Math.max(1, Number(one('page')) || 1),
    tab: one('tab'),
    filter: {
      ...(status && (STATUSES as readonly string[]).includes(status) ? { status: [status as (typeof STATUSES)[number]] } : {}),
      ...(priority && (PRIORITIES as readonly string[]).includes(priority)
        ? { priority: [priority as (typeof PRIORITIES)[number]] }
        : {}),
      ...(one('category') ? { category: one('category') } : {}),
      ...(one('search') ? { search: one('search') } : {}),
      ...(sortBy ? { sort_by: sortBy } : {}),
      ...(order ? { order } : {}),
    },
  };
}

export function hrefWith(base: string, params: Record<string, string | number | undefined>) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `${base}?${s}` : base;
}
