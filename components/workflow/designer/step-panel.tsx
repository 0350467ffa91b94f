'use client';

import { Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Checkbox, Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import type { DesignStep, RoleOption } from './model';

/** Edit the selected step: name, role (with its member count), weight, escalation role, instructions, start/end. */
export function StepPanel({
  step,
  roles,
  problems,
  onChange,
  onDelete,
}: {
  step: DesignStep;
  roles: RoleOption[];
  problems: string[];
  onChange: (patch: Partial<DesignStep>) => void;
  onDelete: () => void;
}) {
  const options = roles.map((r) => (
    <option key={r.role_id} value={r.role_id}>
      {r.name} ({r.active_members} {r.active_members === 1 ? 'person' : 'people'})
    </option>
  ));
  return (
    <section aria-label="Selected step" className="space-y-3">
      <h2 className="text-base font-semibold">Step</h2>
      {problems.length > 0 && (
        <ul className="list-disc pl-5 text-xs text-red-700 dark:text-red-400" aria-label="Problems with this step">
          {problems.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <Field id="step-name" label="Step name">
        <Input id="step-name" value={step.name} maxLength={150} onChange={(e) => onChange({ name: e.target.value })} />
      </Field>
      <Field id="step-role" label="Role">
        <NativeSelect id="step-role" value={step.role_id} onChange={(e) => onChange({ role_id: e.target.value })}>
          <option value="">Choose a role…</option>
          {options}
        </NativeSelect>
      </Field>
      <Field id="step-weight" label="Weight (share of the SLA)">
        <Input
          id="step-weight"
          type="number"
          min={1}
          max={1000}
          value={step.weight}
          onChange={(e) => onChange({ weight: e.target.value })}
        />
      </Field>
      <Field id="step-escalate" label="Escalate to">
        <NativeSelect
          id="step-escalate"
          value={step.escalate_to_role_id}
          onChange={(e) => onChange({ escalate_to_role_id: e.target.value })}
        >
          <option value="">Nobody</option>
          {options}
        </NativeSelect>
      </Field>
      <Field id="step-instruction" label="Instructions for the assignee">
        <Textarea
          id="step-instruction"
          rows={3}
          maxLength={4000}
          value={step.instruction}
          onChange={(e) => onChange({ instruction: e.target.value })}
        />
      </Field>
      <div className="flex flex-wrap gap-4 text-sm">
        <span className="flex items-center gap-2">
          <Checkbox id="step-start" checked={step.is_start} onChange={(e) => onChange({ is_start: e.target.checked })} />
          <label htmlFor="step-start">Tickets start here</label>
        </span>
        <span className="flex items-center gap-2">
          <Checkbox id="step-end" checked={step.is_end} onChange={(e) => onChange({ is_end: e.target.checked })} />
          <label htmlFor="step-end">Tickets can finish here</label>
        </span>
      </div>
      <Button variant="ghost" size="sm" className="text-red-700 dark:text-red-400" onClick={onDelete}>
        <Trash2 className="h-3.5 w-3.5" aria-hidden /> Delete step
      </Button>
    </section>
  );
}
