'use client';

import { useCallback, useState } from 'react';

/** A value with undo/redo: `set` records a step; `replace` changes the present without one (e.g. while dragging). */
export function useHistory<T>(initial: T) {
  const [state, setState] = useState<{ past: T[]; present: T; future: T[] }>({ past: [], present: initial, future: [] });
  const set = useCallback(
    (next: T | ((v: T) => T)) =>
      setState((s) => {
        const value = typeof next === 'function' ? (next as (v: T) => T)(s.present) : next;
        if (value === s.present) return s;
        return { past: [...s.past.slice(-99), s.present], present: value, future: [] };
      }),
    [],
  );
  const replace = useCallback((next: (v: T) => T) => setState((s) => ({ ...s, present: next(s.present) })), []);
  /** Record the present as a step to return to (before a drag, whose moves then `replace`). */
  const checkpoint = useCallback(
    () => setState((s) => ({ past: [...s.past.slice(-99), s.present], present: s.present, future: [] })),
    [],
  );
  const undo = useCallback(
    () =>
      setState((s) =>
        s.past.length ? { past: s.past.slice(0, -1), present: s.past[s.past.length - 1], future: [s.present, ...s.future] } : s,
      ),
    [],
  );
  const redo = useCallback(
    () =>
      setState((s) => (s.future.length ? { past: [...s.past, s.present], present: s.future[0], future: s.future.slice(1) } : s)),
    [],
  );
  return {
    value: state.present,
    set,
    replace,
    checkpoint,
    undo,
    redo,
    canUndo: state.past.length > 0,
    canRedo: state.future.length > 0,
  };
}
