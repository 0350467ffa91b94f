import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * Producers never import consumers (ARCHITECTURE.md): a help-desk route that enqueues a message to the
 * workflow engine carries only the message's definition, not the engine. Read from the production build's
 * source maps: the project modules bundled into the approve route.
 */
const distDir = path.resolve(process.env.NEXT_DIST_DIR || '.next');

function projectModules(route: string): string[] {
  const server = path.join(distDir, 'server');
  const entry = fs.readFileSync(path.join(server, 'app', route, 'route.js'), 'utf8');
  const chunks = [...entry.matchAll(/R\.c\("server\/(chunks\/[^"]+)"\)/g)].map((m) => m[1]);
  const modules = new Set<string>();
  for (const chunk of chunks) {
    const map = path.join(server, `${chunk}.map`);
    if (!fs.existsSync(map)) continue;
    const json = JSON.parse(fs.readFileSync(map, 'utf8')) as { sources?: string[]; sections?: { map: { sources?: string[] } }[] };
    const sources = [...(json.sources ?? []), ...(json.sections ?? []).flatMap((s) => s.map.sources ?? [])];
    for (const s of sources) {
      // Sources are relative to the chunk (../../../lib/...); node_modules paths never start with lib/.
      const rel = path.relative(distDir, path.resolve(path.dirname(map), s)).split(path.sep);
      const at = rel.indexOf('lib');
      if (at >= 0 && !rel.includes('node_modules')) modules.add(rel.slice(at).join('/'));
    }
  }
  return [...modules].sort();
}

test('the built help-desk approve route carries no workflow, messaging or mail code', () => {
  const modules = projectModules('(api)/hdts/api/tickets/[id]/approve');
  expect(modules).toContain('lib/domain/helpdesk/policy.ts');
  expect(modules).toContain('lib/domain/contracts/messages.ts');
  const foreign = modules.filter((m) =>
    /^lib\/(domain\/(workflow|messaging|notifications\/(commands|jobs))|server\/(mail|jobs\/(workers|registry)))/.test(m),
  );
  expect(foreign).toEqual([]);
});
