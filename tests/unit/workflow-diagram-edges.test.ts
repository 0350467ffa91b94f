import { describe, expect, it } from 'vitest';
import { backEdges } from '@/components/workflow/diagram-edges';

describe('backEdges', () => {
  it('finds the reject loop and a step to itself, not the forward flow', () => {
    // Triage(1) → Resolution(2) → Approval(3) → Verification(4); reject 2 → 1, changes 3 → 2, hold 2 → 2
    const edges = [
      { id: 10, source: 1, target: 2 },
      { id: 11, source: 2, target: 3 },
      { id: 12, source: 3, target: 4 },
      { id: 13, source: 2, target: 1 },
      { id: 14, source: 3, target: 2 },
      { id: 15, source: 2, target: 2 },
    ];
    expect([...backEdges([1, 2, 3, 4], edges, 1)].sort()).toEqual([13, 14, 15]);
  });
  it('a diamond has no back edge', () => {
    const edges = [
      { id: 1, source: 1, target: 2 },
      { id: 2, source: 1, target: 3 },
      { id: 3, source: 2, target: 4 },
      { id: 4, source: 3, target: 4 },
    ];
    expect(backEdges([1, 2, 3, 4], edges, 1).size).toBe(0);
  });
});
