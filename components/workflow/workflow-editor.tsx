'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { describedBy, Field, FormError } from '@/components/ui/field';
import { Checkbox, Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { ApiError, api } from '@/lib/client/api';

export interface EditorStep {
  name: string;
  description: string;
  instruction: string;
  role_id: string;
  escalate_to_role_id: string;
  weight: string;
  is_start: boolean;
  is_end: boolean;
}
export interface EditorTransition {
  from_step: string;
  to_step: string;
  name: string;
}
export interface EditorValue {
  name: string;
  description: string;
  department: string;
  category: string;
  sub_category: string;
  urgent_sla: string;
  high_sla: string;
  medium_sla: string;
  low_sla: string;
  steps: EditorStep[];
  transitions: EditorTransition[];
}

const EMPTY_STEP: EditorStep = {
  name: '',
  description: '',
  instruction: '',
  role_id: '',
  escalate_to_role_id: '',
  weight: '1',
  is_start: false,
  is_end: false,
};

/** Create or edit a workflow with its steps and transitions; errors from the API appear next to each field. */
export function WorkflowEditor({
  workflowId,
  status,
  initial,
  roles,
}: {
  workflowId?: number;
  status?: string;
  initial: EditorValue;
  roles: { role_id: number; name: string; active_members: number }[];
}) {
  const router = useRouter();
  const [v, setV] = useState<EditorValue>(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [pending, setPending] = useState<string | null>(null);
  const err = (k: string) => errors[k]?.[0];
  const set = <K extends keyof EditorValue>(k: K, value: EditorValue[K]) => setV((old) => ({ ...old, [k]: value }));
  const setStep = (i: number, patch: Partial<EditorStep>) =>
    set(
      'steps',
      v.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)),
    );
  const setTransition = (i: number, patch: Partial<EditorTransition>) =>
    set(
      'transitions',
      v.transitions.map((t, j) => (j === i ? { ...t, ...patch } : t)),
    );

  function body() {
    return {
      name: v.name,
      description: v.description,
      department: v.department,
      category: v.category,
      sub_category: v.sub_category.trim() || null,
      urgent_sla: v.urgent_sla.trim() || null,
      high_sla: v.high_sla.trim() || null,
      medium_sla: v.medium_sla.trim() || null,
      low_sla: v.low_sla.trim() || null,
      steps: v.steps.map((s, i) => ({
        name: s.name,
        description: s.description,
        instruction: s.instruction,
        role_id: Number(s.role_id) || 0,
        escalate_to_role_id: s.escalate_to_role_id ? Number(s.escalate_to_role_id) : null,
        weight: Number(s.weight) || 0,
        order: i + 1,
        is_start: s.is_start,
        is_end: s.is_end,
      })),
      transitions: v.transitions,
    };
  }

  async function run(kind: string, fn: () => Promise<unknown>, done: string, after?: (r: unknown) => void) {
    setPending(kind);
    setFormError(null);
    setProblems([]);
    try {
      const r = await fn();
      setErrors({});
      toast.success(done);
      if (after) after(r);
      else router.refresh();
    } catch (e) {
      if (e instanceof ApiError) {
        setErrors(e.fields);
        const list = e.fields.problems ?? [];
        setProblems(list);
        setFormError(
          Object.keys(e.fields).length && !list.length
            ? 'Fix the highlighted fields.'
            : list.length
              ? 'The workflow cannot be deployed yet:'
              : e.message,
        );
      } else setFormError('Something went wrong. Try again.');
    } finally {
      setPending(null);
    }
  }

  const save = () =>
    run(
      'save',
      () =>
        workflowId
          ? api('PUT', `/tts/workflows/${workflowId}/`, body())
          : api<{ workflow_id: number }>('POST', '/tts/workflows/', body()),
      'Workflow saved',
      (r) => {
        if (!workflowId) router.push(`/admin/workflows/${(r as { workflow_id: number }).workflow_id}`);
        else router.refresh();
      },
    );
  const stepNames = v.steps.map((s) => s.name.trim()).filter(Boolean);
  const roleOptions = roles.map((r) => (
    <option key={r.role_id} value={r.role_id}>
      {r.name} ({r.active_members} active)
    </option>
  ));

  return (
    <form
      className="space-y-8"
      aria-label="Workflow"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {formError && (
        <div role="alert">
          <FormError>{formError}</FormError>
          {problems.length > 0 && (
            <ul className="mt-1 list-disc pl-5 text-sm text-red-700 dark:text-red-400">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <section className="grid gap-4 sm:grid-cols-2" aria-label="General">
        {(
          [
            ['name', 'Name'],
            ['department', 'Department'],
            ['category', 'Category'],
            ['sub_category', 'Sub-category (optional)'],
          ] as const
        ).map(([k, label]) => (
          <Field key={k} id={`wf-${k}`} label={label} error={err(k)}>
            <Input
              id={`wf-${k}`}
              value={v[k]}
              onChange={(e) => set(k, e.target.value)}
              aria-invalid={!!err(k)}
              aria-describedby={describedBy(`wf-${k}`, err(k))}
            />
          </Field>
        ))}
        <Field id="wf-description" label="Description" className="sm:col-span-2" error={err('description')}>
          <Textarea id="wf-description" rows={2} value={v.description} onChange={(e) => set('description', e.target.value)} />
        </Field>
      </section>
      <section aria-labelledby="slas">
        <h2 id="slas" className="mb-2 text-lg font-semibold">
          SLAs
        </h2>
        <p className="mb-2 text-sm text-slate-500">
          ISO 8601 (PT4H, P2D) or words (8 hours, 2 days). Urgent must be shorter than high, high than medium, medium than low.
        </p>
        <div className="grid gap-4 sm:grid-cols-4">
          {(['urgent_sla', 'high_sla', 'medium_sla', 'low_sla'] as const).map((k) => (
            <Field key={k} id={`wf-${k}`} label={k.replace('_sla', '').replace(/^./, (c) => c.toUpperCase())} error={err(k)}>
              <Input
                id={`wf-${k}`}
                value={v[k]}
                onChange={(e) => set(k, e.target.value)}
                aria-invalid={!!err(k)}
                aria-describedby={describedBy(`wf-${k}`, err(k))}
              />
            </Field>
          ))}
        </div>
      </section>
      <section aria-labelledby="steps">
        <h2 id="steps" className="mb-2 text-lg font-semibold">
          Steps
        </h2>
        <ol className="space-y-4">
          {v.steps.map((s, i) => (
            <li key={i} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800" aria-label={`Step ${i + 1}`}>
              <div className="grid gap-3 sm:grid-cols-3">
                <Field id={`step-${i}-name`} label={`Step ${i + 1} name`} error={err(`steps.${i}.name`)}>
                  <Input
                    id={`step-${i}-name`}
                    value={s.name}
                    onChange={(e) => setStep(i, { name: e.target.value })}
                    aria-invalid={!!err(`steps.${i}.name`)}
                  />
                </Field>
                <Field id={`step-${i}-role`} label="Role" error={err(`steps.${i}.role_id`)}>
                  <NativeSelect
                    id={`step-${i}-role`}
                    value={s.role_id}
                    onChange={(e) => setStep(i, { role_id: e.target.value })}
                    aria-invalid={!!err(`steps.${i}.role_id`)}
                  >
                    <option value="">Choose a role…</option>
                    {roleOptions}
                  </NativeSelect>
                </Field>
                <Field id={`step-${i}-weight`} label="Weight (share of the SLA)" error={err(`steps.${i}.weight`)}>
                  <Input
                    id={`step-${i}-weight`}
                    type="number"
                    min={1}
                    value={s.weight}
                    onChange={(e) => setStep(i, { weight: e.target.value })}
                  />
                </Field>
                <Field id={`step-${i}-escalate`} label="Escalate to (optional)" error={err(`steps.${i}.escalate_to_role_id`)}>
                  <NativeSelect
                    id={`step-${i}-escalate`}
                    value={s.escalate_to_role_id}
                    onChange={(e) => setStep(i, { escalate_to_role_id: e.target.value })}
                  >
                    <option value="">None</option>
                    {roleOptions}
                  </NativeSelect>
                </Field>
                <Field
                  id={`step-${i}-instruction`}
                  label="Instruction"
                  className="sm:col-span-2"
                  error={err(`steps.${i}.instruction`)}
                >
                  <Textarea
                    id={`step-${i}-instruction`}
                    rows={2}
                    value={s.instruction}
                    onChange={(e) => setStep(i, { instruction: e.target.value })}
                  />
                </Field>
              </div>
              <div className="mt-3 flex flex-wrap items-center gap-4 text-sm">
                <span className="flex items-center gap-2">
                  <Checkbox
                    id={`step-${i}-start`}
                    checked={s.is_start}
                    onChange={(e) => setStep(i, { is_start: e.target.checked })}
                  />
                  <label htmlFor={`step-${i}-start`}>Start step</label>
                </span>
                <span className="flex items-center gap-2">
                  <Checkbox id={`step-${i}-end`} checked={s.is_end} onChange={(e) => setStep(i, { is_end: e.target.checked })} />
                  <label htmlFor={`step-${i}-end`}>End step</label>
                </span>
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() =>
                    set(
                      'steps',
                      v.steps.filter((_, j) => j !== i),
                    )
                  }
                >
                  Remove step {i + 1}
                </Button>
              </div>
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          size="sm"
          className="mt-3"
          onClick={() => set('steps', [...v.steps, { ...EMPTY_STEP, is_start: v.steps.length === 0 }])}
        >
          Add step
        </Button>
      </section>
      <section aria-labelledby="transitions">
        <h2 id="transitions" className="mb-2 text-lg font-semibold">
          Transitions
        </h2>
        <p className="mb-2 text-sm text-slate-500">A reject is a transition that goes back to an earlier step.</p>
        <ol className="space-y-3">
          {v.transitions.map((t, i) => (
            <li key={i} className="grid items-end gap-3 sm:grid-cols-4" aria-label={`Transition ${i + 1}`}>
              <Field id={`tr-${i}-from`} label={`Transition ${i + 1} from`} error={err(`transitions.${i}.from_step`)}>
                <NativeSelect
                  id={`tr-${i}-from`}
                  value={t.from_step}
                  onChange={(e) => setTransition(i, { from_step: e.target.value })}
                >
                  <option value="">Choose…</option>
                  {stepNames.map((n) => (
                    <option key={n}>{n}</option>
                  ))}
                </NativeSelect>
              </Field>
              <Field id={`tr-${i}-to`} label="to" error={err(`transitions.${i}.to_step`)}>
                <NativeSelect id={`tr-${i}-to`} value={t.to_step} onChange={(e) => setTransition(i, { to_step: e.target.value })}>
                  <option value="">Choose…</option>
                  {stepNames.map((n) => (
                    <option key={n}>{n}</option>
                  ))}
                </NativeSelect>
              </Field>
              <Field id={`tr-${i}-name`} label="Action name" error={err(`transitions.${i}.name`)}>
                <Input
                  id={`tr-${i}-name`}
                  value={t.name}
                  onChange={(e) => setTransition(i, { name: e.target.value })}
                  placeholder="approve, reject…"
                />
              </Field>
              <Button
                variant="ghost"
                size="sm"
                onClick={() =>
                  set(
                    'transitions',
                    v.transitions.filter((_, j) => j !== i),
                  )
                }
              >
                Remove transition {i + 1}
              </Button>
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          size="sm"
          className="mt-3"
          onClick={() => set('transitions', [...v.transitions, { from_step: '', to_step: '', name: '' }])}
        >
          Add transition
        </Button>
      </section>
      <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
        <Button type="submit" pending={pending === 'save'}>
          {workflowId ? 'Save changes' : 'Create workflow'}
        </Button>
        {workflowId && (
          <>
            <Button
              variant="secondary"
              pending={pending === 'deploy'}
              onClick={() => run('deploy', () => api('POST', `/tts/workflows/${workflowId}/deploy/`), 'Workflow deployed')}
            >
              Deploy
            </Button>
            {status === 'deployed' && (
              <ConfirmDialog
                trigger={<Button variant="secondary">Pause</Button>}
                title="Pause this workflow?"
                description="New tickets will no longer be routed to it. Tasks in flight continue."
                confirmLabel="Pause"
                onConfirm={() => run('pause', () => api('POST', `/tts/workflows/${workflowId}/pause/`), 'Workflow paused')}
              />
            )}
            <ConfirmDialog
              trigger={<Button variant="danger">Delete</Button>}
              title="Delete this workflow?"
              description="This cannot be undone. Deleting is refused while the workflow has open tasks."
              confirmLabel="Delete"
              destructive
              onConfirm={() =>
                run(
                  'delete',
                  () => api('DELETE', `/tts/workflows/${workflowId}/`),
                  'Workflow deleted',
                  () => router.push('/admin/workflows'),
                )
              }
            />
          </>
        )}
      </div>
    </form>
  );
}
