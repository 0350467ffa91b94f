import type { Metadata } from 'next';
import { AddEntryDialog } from '@/components/admin/catalog/add-entry-dialog';
import { EntryActiveButton } from '@/components/admin/catalog/entry-active-button';
import { Badge } from '@/components/ui/badge';
import { type CatalogTree, catalogTree } from '@/lib/domain/helpdesk/catalog-admin';
import { requirePortal } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Catalog' };

type Category = CatalogTree['categories'][number];

/** The help desk's catalog as admins keep it: departments, their categories and sub-categories, retired ones dimmed. */
export default async function CatalogPage() {
  const actor = await requirePortal('admin');
  const tree = await catalogTree(actor);
  const groups = [
    ...tree.departments.map((d) => ({ department: d, categories: tree.categories.filter((c) => c.department?.id === d.id) })),
    { department: null, categories: tree.categories.filter((c) => !c.department) },
  ];
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Catalog</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
            What employees choose from when they submit a ticket, and where knowledge articles and workflows are filed. Entries
            are never renamed or deleted, because tickets name them: add a new one and retire the old one.
          </p>
        </div>
        <AddEntryDialog place={{ kind: 'department' }} />
      </div>
      {groups.map(({ department, categories }) => (
        <section
          key={department?.id ?? 'none'}
          aria-labelledby={`dep-${department?.id ?? 'none'}`}
          data-testid={`catalog-department-${department?.name ?? 'none'}`}
          className="rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
        >
          <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
            <h2 id={`dep-${department?.id ?? 'none'}`} className="flex items-center gap-2 font-semibold">
              <span className={department && !department.active ? 'text-slate-500 line-through dark:text-slate-500' : ''}>
                {department?.name ?? 'No department'}
              </span>
              {department && !department.active && <Badge tone="neutral">Retired</Badge>}
            </h2>
            <div className="flex gap-1.5">
              <AddEntryDialog
                place={{ kind: 'category', department: department && { id: department.id, name: department.name } }}
              />
              {department && (
                <EntryActiveButton kind="department" id={department.id} name={department.name} active={department.active} />
              )}
            </div>
          </header>
          {categories.length === 0 ? (
            <p className="px-4 py-3 text-sm text-slate-500 dark:text-slate-400">No categories yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100 dark:divide-slate-800">
              {categories.map((c) => (
                <CategoryRow key={c.id} category={c} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

function CategoryRow({ category: c }: { category: Category }) {
  return (
    <li className="px-4 py-3" data-testid={`catalog-category-${c.name}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="flex items-center gap-2 text-sm font-medium">
          <span className={c.active ? '' : 'text-slate-500 line-through'}>{c.name}</span>
          {!c.active && <Badge tone="neutral">Retired</Badge>}
        </h3>
        <div className="flex gap-1.5">
          <AddEntryDialog place={{ kind: 'sub_category', category: { id: c.id, name: c.name } }} />
          <EntryActiveButton kind="category" id={c.id} name={c.name} active={c.active} />
        </div>
      </div>
      {c.sub_categories.length > 0 && (
        <ul aria-label={`Sub-categories of ${c.name}`} className="mt-2 flex flex-wrap gap-2">
          {c.sub_categories.map((s) => (
            <li
              key={s.id}
              data-testid={`catalog-sub-${s.name}`}
              className="flex items-center gap-1 rounded-lg border border-slate-200 py-0.5 pl-2.5 pr-0.5 text-xs dark:border-slate-700"
            >
              <span className={s.active ? '' : 'text-slate-500 line-through'}>{s.name}</span>
              {!s.active && <span className="sr-only">(retired)</span>}
              <EntryActiveButton kind="sub_category" id={s.id} name={s.name} active={s.active} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
