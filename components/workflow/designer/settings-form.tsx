'use client';

import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import type { Settings } from './model';
import { SlaInput } from './sla-input';

export interface Catalog {
  departments: string[];
  categories: { name: string; department: string | null; sub_categories: string[] }[];
}

const LEVELS = [
  ['urgent', 'Urgent'],
  ['high', 'High'],
  ['medium', 'Medium'],
  ['low', 'Low'],
] as const;

/** Which tickets the workflow takes (from the help desk's catalog) and its SLAs per priority. */
export function SettingsForm({
  value,
  catalog,
  errors,
  onChange,
}: {
  value: Settings;
  catalog: Catalog;
  errors: Record<string, string[]>;
  onChange: (patch: Partial<Settings>) => void;
}) {
  const err = (k: string) => errors[k]?.[0];
  const subs = catalog.categories.find((c) => c.name === value.category)?.sub_categories ?? [];
  const keep = (list: string[], v: string) => (v && !list.includes(v) ? [v, ...list] : list);
  return (
    <section aria-label="Settings" className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="wf-name" label="Workflow name" error={err('name')}>
          <Input
            id="wf-name"
            value={value.name}
            maxLength={150}
            onChange={(e) => onChange({ name: e.target.value })}
            aria-invalid={!!err('name')}
          />
        </Field>
        <Field id="wf-department" label="Department" error={err('department')}>
          <NativeSelect
            id="wf-department"
            value={value.department}
            onChange={(e) => onChange({ department: e.target.value })}
            aria-invalid={!!err('department')}
          >
            <option value="">Choose a department…</option>
            {keep(catalog.departments, value.department).map((d) => (
              <option key={d}>{d}</option>
            ))}
          </NativeSelect>
        </Field>
        <Field id="wf-category" label="Category" error={err('category')}>
          <NativeSelect
            id="wf-category"
            value={value.category}
            onChange={(e) => onChange({ category: e.target.value, sub_category: '' })}
            aria-invalid={!!err('category')}
          >
            <option value="">Choose a category…</option>
            {keep(
              catalog.categories.map((c) => c.name),
              value.category,
            ).map((c) => (
              <option key={c}>{c}</option>
            ))}
          </NativeSelect>
        </Field>
        <Field id="wf-sub" label="Sub-category" error={err('sub_category')} hint="Any sub-category when left empty">
          <NativeSelect id="wf-sub" value={value.sub_category} onChange={(e) => onChange({ sub_category: e.target.value })}>
            <option value="">Any</option>
            {keep(subs, value.sub_category).map((s) => (
              <option key={s}>{s}</option>
            ))}
          </NativeSelect>
        </Field>
        <Field id="wf-description" label="Description" className="sm:col-span-2">
          <Textarea
            id="wf-description"
            rows={2}
            value={value.description}
            onChange={(e) => onChange({ description: e.target.value })}
          />
        </Field>
      </div>
      <div>
        <h2 className="text-base font-semibold">Time to resolve (SLA)</h2>
        <p className="mb-2 text-xs text-slate-500">Urgent must be shorter than high, high than medium, medium than low.</p>
        <div className="grid gap-4 sm:grid-cols-4">
          {LEVELS.map(([k, label]) => (
            <div key={k}>
              <SlaInput
                id={`wf-${k}-sla`}
                label={label}
                seconds={value.sla[k]}
                onChange={(s) => onChange({ sla: { ...value.sla, [k]: s } })}
              />
              {err(`${k}_sla`) && <p className="text-xs font-medium text-red-700 dark:text-red-400">{err(`${k}_sla`)}</p>}
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}
