'use client';

import { LayoutGrid, Plus, Redo2, Undo2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { ApiError, api } from '@/lib/client/api';
import { Canvas, ReactFlowProvider, useFit } from './designer/canvas';
import { DeployDialog } from './designer/deploy-dialog';
import { DryRunPanel } from './designer/dry-run-panel';
import { autoLayout, NODE_H } from './designer/layout';
import {
  check,
  type DesignDoc,
  type DesignStep,
  type DesignTransition,
  newActionName,
  newKey,
  newStep,
  type RoleOption,
  type Selection,
  type Settings,
  toBody,
} from './designer/model';
import { type Catalog, SettingsForm } from './designer/settings-form';
import { StepPanel } from './designer/step-panel';
import { TransitionPanel } from './designer/transition-panel';
import { useHistory } from './designer/use-history';
import { type VersionRow, VersionsPanel } from './designer/versions-panel';

export type { DesignDoc, Settings } from './designer/model';

/**
 * The workflow designer: settings, a canvas of steps and transitions with a side panel, a live check that uses
 * deploy's own rules, and Save / Deploy / Pause / Delete. Saving never changes what tickets run on: only Deploy
 * freezes a new version.
 */
export function WorkflowDesigner(props: {
  workflowId?: number;
  status?: string;
  undeployed?: boolean;
  initialSettings: Settings;
  initialDoc: DesignDoc;
  roles: RoleOption[];
  catalog: Catalog;
  /** Deployed versions, newest first (an existing workflow). */
  versions?: VersionRow[];
}) {
  return (
    <ReactFlowProvider>
      <Designer {...props} />
    </ReactFlowProvider>
  );
}

function Designer({
  workflowId,
  status,
  undeployed,
  initialSettings,
  initialDoc,
  roles,
  catalog,
  versions = [],
}: Parameters<typeof WorkflowDesigner>[0]) {
  const router = useRouter();
  const history = useHistory<DesignDoc>(initialDoc.steps.some((s) => s.x || s.y) ? initialDoc : autoLayout(initialDoc));
  const doc = history.value;
  const [settings, setSettings] = useState(initialSettings);
  const [selection, setSelection] = useState<Selection>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [dirty, setDirty] = useState(!workflowId);
  const refit = useFit();
  const result = useMemo(() => check(doc, settings, roles), [doc, settings, roles]);

  const edit = (fn: (d: DesignDoc) => DesignDoc) => {
    history.set(fn);
    setDirty(true);
  };
  const patchStep = (key: string, patch: Partial<DesignStep>) =>
    edit((d) => ({
      ...d,
      steps: d.steps.map((s) => (s.key === key ? { ...s, ...patch } : patch.is_start ? { ...s, is_start: false } : s)),
    }));
  const patchTransition = (key: string, patch: Partial<DesignTransition>) =>
    edit((d) => ({ ...d, transitions: d.transitions.map((t) => (t.key === key ? { ...t, ...patch } : t)) }));
  const remove = (steps: string[], transitions: string[]) => {
    if (!steps.length && !transitions.length) return;
    edit((d) => ({
      steps: d.steps.filter((s) => !steps.includes(s.key)),
      transitions: d.transitions.filter((t) => !transitions.includes(t.key) && !steps.includes(t.from) && !steps.includes(t.to)),
    }));
    setSelection(null);
  };
  const addStep = () => {
    const lowest = doc.steps.reduce((m, s) => Math.max(m, s.y), -NODE_H - 70);
    const step = newStep(doc, { x: doc.steps[doc.steps.length - 1]?.x ?? 0, y: lowest + NODE_H + 70 });
    edit((d) => ({ ...d, steps: [...d.steps, step] }));
    setSelection({ kind: 'step', key: step.key });
    refit();
  };
  const connect = (from: string, to: string) => {
    const t: DesignTransition = { key: newKey('t'), from, to, name: newActionName(doc, from) };
    edit((d) => ({ ...d, transitions: [...d.transitions, t] }));
    setSelection({ kind: 'transition', key: t.key });
  };

  async function run(kind: string, fn: () => Promise<unknown>, done: string, after?: (r: unknown) => void) {
    setPending(kind);
    setFormError(null);
    try {
      const r = await fn();
      setErrors({});
      toast.success(done);
      if (after) after(r);
      else router.refresh();
      return true;
    } catch (e) {
      if (e instanceof ApiError) {
        setErrors(e.fields);
        setFormError(Object.keys(e.fields).length ? 'The workflow was not saved: see the problems below.' : e.message);
      } else setFormError('Something went wrong. Try again.');
      return false;
    } finally {
      setPending(null);
    }
  }
  const save = () =>
    run(
      'save',
      () =>
        workflowId
          ? api('PUT', `/tts/workflows/${workflowId}/`, toBody(doc, settings))
          : api<{ workflow_id: number }>('POST', '/tts/workflows/', toBody(doc, settings)),
      workflowId ? 'Changes saved: deploy them to use them for new tickets' : 'Workflow created',
      (r) => {
        setDirty(false);
        if (!workflowId) router.push(`/admin/workflows/${(r as { workflow_id: number }).workflow_id}`);
        else router.refresh();
      },
    );

  const serverProblems = [
    ...(errors.problems ?? []),
    ...Object.entries(errors)
      .filter(
        ([k]) => k !== 'problems' && k !== 'non_field_errors' && !/^(name|department|category|sub_category|\w+_sla)$/.test(k),
      )
      .flatMap(([, v]) => v),
  ];
  const selectedStep = selection?.kind === 'step' ? doc.steps.find((s) => s.key === selection.key) : undefined;
  const selectedTransition = selection?.kind === 'transition' ? doc.transitions.find((t) => t.key === selection.key) : undefined;
  const stepName = (key: string) => doc.steps.find((s) => s.key === key)?.name || '(unnamed)';
  const canDeploy = !!workflowId && !dirty && (undeployed || status !== 'deployed');

  return (
    <div className="space-y-6">
      {formError && (
        <div role="alert">
          <FormError>{formError}</FormError>
          {serverProblems.length > 0 && (
            <ul className="mt-1 list-disc pl-5 text-sm text-red-700 dark:text-red-400">
              {serverProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <SettingsForm
        value={settings}
        catalog={catalog}
        errors={errors}
        onChange={(patch) => {
          setSettings((s) => ({ ...s, ...patch }));
          setDirty(true);
        }}
      />
      <section aria-labelledby="designer-heading" className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="designer-heading" className="text-base font-semibold">
            Steps and transitions
          </h2>
          <div className="flex flex-wrap gap-1.5" role="toolbar" aria-label="Canvas tools">
            <Button variant="secondary" size="sm" onClick={addStep}>
              <Plus className="h-3.5 w-3.5" aria-hidden /> Add step
            </Button>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                edit(autoLayout);
                refit();
              }}
            >
              <LayoutGrid className="h-3.5 w-3.5" aria-hidden /> Arrange
            </Button>
            <Button
              variant="secondary"
              size="sm"
              onClick={history.undo}
              disabled={!history.canUndo}
              aria-keyshortcuts="Control+Z"
            >
              <Undo2 className="h-3.5 w-3.5" aria-hidden /> Undo
            </Button>
            <Button
              variant="secondary"
              size="sm"
              onClick={history.redo}
              disabled={!history.canRedo}
              aria-keyshortcuts="Control+Shift+Z"
            >
              <Redo2 className="h-3.5 w-3.5" aria-hidden /> Redo
            </Button>
          </div>
        </div>
        <p className="text-xs text-slate-500">
          Drag from a step’s bottom dot to another step to add a transition. Select a step or transition to edit it; Delete
          removes it.
        </p>
        <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
          <Canvas
            doc={doc}
            roles={roles}
            check={result}
            selection={selection}
            onSelect={setSelection}
            onConnect={connect}
            onDragStart={history.checkpoint}
            onMove={(key, x, y) => {
              history.replace((d) => ({ ...d, steps: d.steps.map((s) => (s.key === key ? { ...s, x, y } : s)) }));
              setDirty(true);
            }}
            onDelete={remove}
            onUndo={history.undo}
            onRedo={history.redo}
          />
          <aside className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
            {selectedStep ? (
              <StepPanel
                key={selectedStep.key}
                step={selectedStep}
                roles={roles}
                problems={result.steps.get(selectedStep.key) ?? []}
                onChange={(patch) => patchStep(selectedStep.key, patch)}
                onDelete={() => remove([selectedStep.key], [])}
              />
            ) : selectedTransition ? (
              <TransitionPanel
                key={selectedTransition.key}
                transition={selectedTransition}
                fromName={stepName(selectedTransition.from)}
                toName={stepName(selectedTransition.to)}
                problems={result.transitions.get(selectedTransition.key) ?? []}
                onChange={(patch) => patchTransition(selectedTransition.key, patch)}
                onDelete={() => remove([], [selectedTransition.key])}
              />
            ) : (
              <p className="text-sm text-slate-500">
                {doc.steps.length ? 'Select a step or a transition to edit it.' : 'Start with “Add step”.'}
              </p>
            )}
          </aside>
        </div>
      </section>
      <section aria-labelledby="check-heading" className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
        <h2 id="check-heading" className="text-base font-semibold">
          Ready to deploy?
        </h2>
        {result.problems.length === 0 ? (
          <p className="text-sm text-green-700 dark:text-green-400" role="status">
            No problems found.
          </p>
        ) : (
          <ul className="mt-1 list-disc pl-5 text-sm text-red-700 dark:text-red-400" aria-label="Problems">
            {result.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </section>
      <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
        <Button onClick={() => void save()} pending={pending === 'save'}>
          {workflowId ? 'Save changes' : 'Create workflow'}
        </Button>
        {canDeploy && workflowId && <DeployDialog workflowId={workflowId} disabled={result.problems.length > 0} />}
        {workflowId && dirty && <span className="text-xs text-slate-500">Unsaved changes</span>}
        {workflowId && !dirty && !canDeploy && <span className="text-xs text-slate-500">Everything is deployed</span>}
        {workflowId && status === 'deployed' && (
          <ConfirmDialog
            trigger={<Button variant="secondary">Pause</Button>}
            title="Pause this workflow?"
            description="New tickets will no longer be routed to it. Tasks in flight continue."
            confirmLabel="Pause"
            onConfirm={() => void run('pause', () => api('POST', `/tts/workflows/${workflowId}/pause/`), 'Workflow paused')}
          />
        )}
        {workflowId && (
          <ConfirmDialog
            trigger={<Button variant="danger">Delete</Button>}
            title="Delete this workflow?"
            description="This cannot be undone. Deleting is refused while the workflow has open tasks."
            confirmLabel="Delete"
            destructive
            onConfirm={() =>
              void run(
                'delete',
                () => api('DELETE', `/tts/workflows/${workflowId}/`),
                'Workflow deleted',
                () => router.push('/admin/workflows'),
              )
            }
          />
        )}
      </div>
      {workflowId && (
        <DryRunPanel
          workflowId={workflowId}
          versions={versions.map((v) => v.version)}
          dirty={dirty}
          subCategories={catalog.categories.find((c) => c.name === initialSettings.category)?.sub_categories ?? []}
        />
      )}
      {workflowId && <VersionsPanel workflowId={workflowId} versions={versions} hasDraftChanges={!!undeployed} />}
    </div>
  );
}
