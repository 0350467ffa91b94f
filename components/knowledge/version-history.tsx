'use client';

import { History, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog, Dialog, DialogContent } from '@/components/ui/dialog';
import { Time } from '@/components/ui/time';
import { ApiError, api } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';
import { ArticleBody } from './article-body';

export interface VersionRow {
  version: number;
  title: string;
  changes: string[];
  note: string | null;
  editor: { id: number; name: string | null };
  created_at: string;
  is_current: boolean;
}

const FIELD: Record<string, string> = {
  created: 'created',
  title: 'title',
  body: 'text',
  category: 'category',
  sub_category: 'sub-category',
  department: 'department',
  tags: 'tags',
  visibility: 'visibility',
};

/** Who changed what, newest first; any earlier version can be viewed and restored (as a new version). */
export function VersionHistory({ articleId, versions }: { articleId: number; versions: VersionRow[] }) {
  const { run } = useMutation();
  const [viewing, setViewing] = useState<{ version: number; title: string; html: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function view(v: number) {
    try {
      setError(null);
      const r = await api<{ version: number; title: string; html: string }>(
        'GET',
        `/hdts/api/kb/articles/${articleId}/versions/${v}/`,
      );
      setViewing(r);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not load that version');
    }
  }
  return (
    <section aria-labelledby="kb-versions">
      <h2 id="kb-versions" className="mb-2 flex items-center gap-1.5 font-semibold">
        <History className="h-4 w-4" aria-hidden /> Version history
      </h2>
      {error && <p className="text-sm text-red-700">{error}</p>}
      <ol className="space-y-2 text-sm" data-testid="versions">
        {versions.map((v) => (
          <li key={v.version} className="rounded-lg border border-slate-200 p-2 dark:border-slate-800">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">Version {v.version}</span>
              {v.is_current && <span className="text-xs text-green-700">current</span>}
              <span className="text-xs text-slate-500">
                {v.editor.name ?? `User ${v.editor.id}`} · <Time value={v.created_at} />
              </span>
            </div>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              Changed: {v.changes.map((c) => FIELD[c] ?? c).join(', ')}
              {v.note ? ` — “${v.note}”` : ''}
            </p>
            <div className="mt-1 flex gap-2">
              <Button variant="ghost" size="sm" onClick={() => view(v.version)}>
                View
              </Button>
              {!v.is_current && (
                <ConfirmDialog
                  trigger={
                    <Button variant="secondary" size="sm">
                      <RotateCcw className="h-3.5 w-3.5" aria-hidden /> Restore
                    </Button>
                  }
                  title={`Restore version ${v.version}?`}
                  description="Its title, text, category, tags and visibility become a new version. Nothing is lost: the current text stays in the history."
                  confirmLabel="Restore"
                  onConfirm={async () => {
                    await run(
                      () => api('POST', `/hdts/api/kb/articles/${articleId}/versions/${v.version}/restore/`),
                      `Version ${v.version} restored`,
                    );
                  }}
                />
              )}
            </div>
          </li>
        ))}
      </ol>
      {viewing && (
        <Dialog open onOpenChange={(o) => !o && setViewing(null)}>
          <DialogContent title={`Version ${viewing.version}: ${viewing.title}`}>
            <div className="max-h-[60vh] overflow-y-auto">
              <ArticleBody html={viewing.html} />
            </div>
          </DialogContent>
        </Dialog>
      )}
    </section>
  );
}
