import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/**
 * Every module of lib/ can be the first one a process loads. An import cycle makes that fail for some entry
 * points ("Cannot access '…' before initialization"), depending on which module of the cycle loads first;
 * the linter forbids cycles, and this proves the result: each module is imported first into an empty registry.
 */
const root = path.resolve(import.meta.dirname, '../..');

function modules(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return rel === path.join('lib', 'generated') ? [] : modules(rel);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

describe('every module of lib/ imports first in a fresh module registry', () => {
  const files = modules('lib');
  it('finds the modules', () => {
    expect(files.length).toBeGreaterThan(50);
  });
  for (const file of files) {
    it(file, async () => {
      vi.resetModules();
      const mod = await import(/* @vite-ignore */ path.join(root, file));
      expect(mod).toBeTypeOf('object');
    });
  }
});
