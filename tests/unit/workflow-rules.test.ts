import { describe, expect, it } from 'vitest';
import { toDisplayDuration } from '@/lib/domain/workflow/durations';
import { pickRoundRobin } from '@/lib/domain/workflow/roundrobin';
import {
  formatRemaining,
  parseDuration,
  slaLevelFor,
  slaOrderProblems,
  slaSecondsFor,
  stepSlaSeconds,
  toIsoDuration,
} from '@/lib/domain/workflow/sla';
import { slaView } from '@/lib/domain/workflow/sla-view';
import { definitionErrors, deployIssues, deployProblems } from '@/lib/domain/workflow/validation';

const member = (r: number) => ({ name: `role${r}`, members: 1, active: true });

describe('SLA arithmetic', () => {
  it('parses ISO 8601 and display durations', () => {
    expect(parseDuration('P2D')).toBe(172800);
    expect(parseDuration('PT8H')).toBe(28800);
    expect(parseDuration('P1DT4H30M')).toBe(102600);
    expect(parseDuration('2 days')).toBe(172800);
    expect(parseDuration('8 hours')).toBe(28800);
    expect(parseDuration('1 day 4 hours')).toBe(100800);
    expect(parseDuration('4h 30m')).toBe(16200);
    expect(parseDuration('soon')).toBeNull();
    expect(parseDuration('P')).toBeNull();
    expect(parseDuration('8 parsecs')).toBeNull();
  });
  it('formats durations both ways', () => {
    expect(toIsoDuration(172800)).toBe('P2D');
    expect(toIsoDuration(28800)).toBe('PT8H');
    expect(toIsoDuration(102600)).toBe('P1DT4H30M');
    expect(toDisplayDuration(172800)).toBe('2 days');
    expect(toDisplayDuration(3600)).toBe('1 hour');
  });
  it('maps priorities: Critical → urgent, P3 → medium, none → low (001)', () => {
    expect(slaLevelFor('Critical')).toBe('urgent');
    expect(slaLevelFor('urgent')).toBe('urgent');
    expect(slaLevelFor('High')).toBe('high');
    expect(slaLevelFor('Low')).toBe('low');
    expect(slaLevelFor('Medium')).toBe('medium');
    expect(slaLevelFor('P3')).toBe('medium');
    expect(slaLevelFor(null)).toBe('low');
    expect(slaLevelFor('')).toBe('low');
    expect(slaSecondsFor({ low: 100, medium: 200 }, undefined)).toBe(100);
    expect(slaSecondsFor({ medium: 100 }, 'High')).toBeNull();
  });
  it('gives each step its weighted share: High 8 h with weights 1/2/1 → 2 h, 4 h, 2 h', () => {
    const sla = 8 * 3600;
    expect(stepSlaSeconds(sla, 1, [1, 2, 1])).toBe(2 * 3600);
    expect(stepSlaSeconds(sla, 2, [1, 2, 1])).toBe(4 * 3600);
    expect(stepSlaSeconds(null, 1, [1])).toBeNull();
  });
  it('reports remaining time and breach', () => {
    expect(formatRemaining((4 * 60 + 15) * 60000)).toBe('4h 15m');
    expect(formatRemaining(45 * 60000)).toBe('45m');
    expect(formatRemaining((26 * 60 + 5) * 60000)).toBe('1d 2h');
    expect(formatRemaining(-1)).toBe('0m');
    const now = new Date('2026-01-12T10:00:00Z');
    const start = new Date('2026-01-12T08:00:00Z');
    const v = slaView(start, new Date('2026-01-12T14:15:00Z'), null, now);
    expect(v).toEqual({
      target_resolution: '2026-01-12T14:15:00.000Z',
      sla_breach_at: '2026-01-12T14:15:00.000Z',
      time_remaining: '4h 15m',
      is_breached: false,
      sla_started_at: '2026-01-12T08:00:00.000Z',
      sla_state: 'on_track',
      sla_percent: 32,
      // without stored business-time instants (a bare window): the wall-clock share, as before
      sla_due_soon_at: null,
      sla_at_risk_at: null,
      sla_stopped_at: null,
      sla_paused_at: null,
    });
    expect(slaView(start, new Date('2026-01-12T09:00:00Z'), null, now).is_breached).toBe(true);
    expect(slaView(start, null, null, now).target_resolution).toBeNull();
  });
  it('requires urgent < high < medium < low and names each pair', () => {
    expect(slaOrderProblems({ urgent: 4, high: 8, medium: 48, low: 120 })).toEqual([]);
    expect(slaOrderProblems({ urgent: 10, high: 8 })).toEqual(['urgent_sla must be shorter than high_sla']);
    expect(slaOrderProblems({ high: 8, low: 8 })).toEqual(['high_sla must be shorter than low_sla']);
  });
});

describe('workflow validation', () => {
  const step = (key: number, name: string, o: Partial<{ roleId: number; isStart: boolean; isEnd: boolean }> = {}) => ({
    key,
    name,
    roleId: o.roleId ?? 1,
    isStart: o.isStart ?? false,
    isEnd: o.isEnd ?? false,
    weight: 1,
  });
  it('accepts a valid three-step workflow with a reject loop', () => {
    const steps = [step(1, 'Triage', { isStart: true }), step(2, 'Resolution'), step(3, 'Verification', { isEnd: true })];
    const transitions = [
      { from: 1, to: 2, name: 'submit' },
      { from: 2, to: 3, name: 'resolve' },
      { from: 2, to: 1, name: 'reject' },
    ];
    expect(deployProblems(steps, transitions, member)).toEqual([]);
  });
  it('lists every problem at once', () => {
    const steps = [step(1, 'A', { isStart: true }), step(2, 'B', { isStart: true }), step(3, 'C', { roleId: 9 }), step(4, 'D')];
    const problems = deployProblems(steps, [{ from: 1, to: 3, name: 'go' }], (r) => ({
      name: `role${r}`,
      members: r === 9 ? 0 : 1,
      active: true,
    }));
    expect(problems).toEqual([
      'More than one start step: A, B',
      'No end step: flag at least one step as end',
      'Step "B" is not an end step and has no outgoing transition',
      'Step "C" is not an end step and has no outgoing transition',
      'Step "D" is not an end step and has no outgoing transition',
      'Step "C": role "role9" has no active member',
    ]);
    const unreachable = deployProblems([step(1, 'A', { isStart: true, isEnd: true }), step(2, 'B', { isEnd: true })], [], member);
    expect(unreachable).toEqual(['Step "B" cannot be reached from the start step']);
    expect(deployProblems([step(1, 'A', { isEnd: true })], [], member)).toEqual([
      'No start step: flag exactly one step as start',
    ]);
  });
  it('finds duplicate names, dangling transition ends and a duplicate action out of one step', () => {
    const errors = definitionErrors(
      [step(1, 'A'), step(2, 'a')],
      [
        { from: 1, to: 5, name: 'x' },
        { from: 1, to: 2, name: 'X ' },
        { from: 2, to: 1, name: 'x' },
      ],
    );
    expect(Object.keys(errors).sort()).toEqual(['steps.1.name', 'transitions.0.to_step', 'transitions.1.name']);
  });
  it('names the step or transition at fault, for the designer to mark', () => {
    const issues = deployIssues(
      [step(1, 'A', { isStart: true }), step(2, 'B', { isStart: true, isEnd: true }), step(3, 'C', { roleId: 7 })],
      [
        { from: 1, to: 2, name: 'go' },
        { from: 1, to: 3, name: 'Go' },
      ],
      (r) => (r === 7 ? { name: 'Old', members: 2, active: false } : { name: 'R', members: 1, active: true }),
    );
    expect(issues).toContainEqual({ message: 'More than one start step: A, B', step: '1' });
    expect(issues).toContainEqual({ message: 'More than one start step: A, B', step: '2' });
    expect(issues).toContainEqual({ message: 'Step "A" has two actions named "Go"', transition: 1 });
    expect(issues).toContainEqual({ message: 'Step "C": role "Old" is deactivated', step: '3' });
    expect(deployIssues([step(1, 'A', { isStart: true, isEnd: true, roleId: 0 })], [], member)).toEqual([
      { message: 'Step "A" has no role', step: '1' },
    ]);
  });
});

describe('round-robin choice', () => {
  it('walks members in order and wraps around', () => {
    const m = [1, 2, 3];
    expect([1, 2, 3, 4, 5].map((v) => pickRoundRobin(m, v))).toEqual([1, 2, 3, 1, 2]);
    expect(pickRoundRobin([], 1)).toBeNull();
    expect(pickRoundRobin([7], 99n)).toBe(7);
  });
});
