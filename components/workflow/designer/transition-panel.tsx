'use client';

import { Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { DesignTransition } from './model';

/** Edit the selected transition: the action name the assignee picks to move the ticket on. */
export function TransitionPanel({
  transition,
  fromName,
  toName,
  problems,
  onChange,
  onDelete,
}: {
  transition: DesignTransition;
  fromName: string;
  toName: string;
  problems: string[];
  onChange: (patch: Partial<DesignTransition>) => void;
  onDelete: () => void;
}) {
  return (
    <section aria-label="Selected transition" className="space-y-3">
      <h2 className="text-base font-semibold">Transition</h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        From <strong>{fromName}</strong> to <strong>{toName}</strong>
      </p>
      {problems.length > 0 && (
        <ul className="list-disc pl-5 text-xs text-red-700 dark:text-red-400" aria-label="Problems with this transition">
          {problems.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <Field id="transition-name" label="Action name" hint="What the assignee clicks, e.g. approve, reject, resolve">
        <Input id="transition-name" value={transition.name} maxLength={64} onChange={(e) => onChange({ name: e.target.value })} />
      </Field>
      <Button variant="ghost" size="sm" className="text-red-700 dark:text-red-400" onClick={onDelete}>
        <Trash2 className="h-3.5 w-3.5" aria-hidden /> Delete transition
      </Button>
    </section>
  );
}
