import { describe, expect, it } from 'vitest';
import { happyPath } from '@/lib/domain/workflow/happy-path';
import type { SnapStep, VersionSnapshot } from '@/lib/domain/workflow/snapshot';
import { diffVersions } from '@/lib/domain/workflow/version-diff';

const step = (id: number, name: string, o: Partial<SnapStep> = {}): SnapStep => ({
  id,
  name,
  description: '',
  instruction: '',
  role_id: 1,
  role_name: 'Support Agent',
  escalate_to_role_id: null,
  escalate_to_role_name: null,
  order: id,
  weight: 1,
  is_start: false,
  is_end: false,
  ...o,
});

/** Version 1: Triage → Resolution → Verification, reject back to Triage. */
const v1: VersionSnapshot = {
  workflow_id: 7,
  name: 'Printer support',
  department: 'IT Department',
  category: 'IT Support',
  sub_category: null,
  slas: { urgent: 14_400, high: 28_800, medium: 172_800, low: 432_000 },
  steps: [
    step(1, 'Triage', { is_start: true }),
    step(2, 'Resolution', { role_id: 2, role_name: 'Specialist', weight: 2 }),
    step(3, 'Verification', { role_id: 3, role_name: 'Approver', is_end: true }),
  ],
  transitions: [
    { id: 10, from_step_id: 1, to_step_id: 2, name: 'submit' },
    { id: 11, from_step_id: 2, to_step_id: 3, name: 'resolve' },
    { id: 12, from_step_id: 2, to_step_id: 1, name: 'reject' },
  ],
};

/**
 * Version 2 (saved again, so every id differs): Verification dropped, Approval added with a new role, Resolution
 * weighs 3, "resolve" now leads to Approval, a "hold" loop added, High SLA 6 hours, a sub-category set.
 */
const v2: VersionSnapshot = {
  ...v1,
  sub_category: 'Printer/Scanner Setup or Issue',
  slas: { ...v1.slas, high: 21_600 },
  steps: [
    step(21, 'triage', { is_start: true }),
    step(22, 'Resolution', { role_id: 2, role_name: 'Specialist', weight: 3 }),
    step(23, 'Approval', { role_id: 4, role_name: 'Manager', is_end: true }),
  ],
  transitions: [
    { id: 30, from_step_id: 21, to_step_id: 22, name: 'submit' },
    { id: 31, from_step_id: 22, to_step_id: 23, name: 'resolve' },
    { id: 32, from_step_id: 22, to_step_id: 21, name: 'reject' },
    { id: 33, from_step_id: 22, to_step_id: 22, name: 'hold' },
  ],
};

describe('diffVersions', () => {
  it('names what two known versions add, remove and change', () => {
    const d = diffVersions(v1, v2);
    expect(d.identical).toBe(false);
    expect(d.settings).toEqual([{ field: 'sub_category', from: null, to: 'Printer/Scanner Setup or Issue' }]);
    expect(d.slas).toEqual([{ level: 'high', from: 28_800, to: 21_600 }]);
    expect(d.steps.added).toEqual(['Approval']);
    expect(d.steps.removed).toEqual(['Verification']);
    expect(d.steps.changed).toEqual([
      { name: 'triage', changes: [{ field: 'name', from: 'Triage', to: 'triage' }] },
      { name: 'Resolution', changes: [{ field: 'weight', from: 2, to: 3 }] },
    ]);
    expect(d.transitions.added).toEqual([{ from_step: 'Resolution', to_step: 'Resolution', name: 'hold' }]);
    expect(d.transitions.removed).toEqual([]);
    expect(d.transitions.changed).toEqual([
      { from_step: 'Resolution', name: 'resolve', changes: [{ field: 'to_step', from: 'Verification', to: 'Approval' }] },
    ]);
    expect(d.roles).toEqual({ added: ['Manager'], removed: ['Approver'] });
  });

  it('the reverse diff swaps added and removed', () => {
    const d = diffVersions(v2, v1);
    expect(d.steps.added).toEqual(['Verification']);
    expect(d.steps.removed).toEqual(['Approval']);
    expect(d.transitions.removed).toEqual([{ from_step: 'Resolution', to_step: 'Resolution', name: 'hold' }]);
    expect(d.roles).toEqual({ added: ['Approver'], removed: ['Manager'] });
  });

  it('a version compared with a re-saved copy of itself (new ids) is identical', () => {
    const copy: VersionSnapshot = {
      ...v1,
      steps: v1.steps.map((s) => ({ ...s, id: s.id + 100 })),
      transitions: v1.transitions.map((t) => ({
        ...t,
        id: t.id + 100,
        from_step_id: t.from_step_id + 100,
        to_step_id: t.to_step_id + 100,
      })),
    };
    expect(diffVersions(v1, copy).identical).toBe(true);
  });
});

describe('happyPath', () => {
  it('goes forward from the start to the nearest end step, not round the reject loop', () => {
    expect(happyPath(v1).map((s) => s.name)).toEqual(['Triage', 'Resolution', 'Verification']);
  });
  it('is empty without a start step and stops at the start when no end can be reached', () => {
    expect(happyPath({ ...v1, steps: v1.steps.map((s) => ({ ...s, is_start: false })) })).toEqual([]);
    expect(happyPath({ ...v1, transitions: [] }).map((s) => s.name)).toEqual(['Triage']);
  });
});
