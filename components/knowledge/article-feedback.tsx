'use client';

import { ThumbsDown, ThumbsUp } from 'lucide-react';
import { useEffect, useState } from 'react';
import { api } from '@/lib/client/api';
import { useMutation } from '@/lib/client/use-mutation';

type Vote = 'helpful' | 'not_helpful' | null;

/** "Was this helpful?" with the reader's own vote (changeable) and the counts. */
export function ArticleFeedback({
  articleId,
  mine,
  helpful,
  notHelpful,
}: {
  articleId: number;
  mine: Vote;
  helpful: number;
  notHelpful: number;
}) {
  const [vote, setVote] = useState<Vote>(mine);
  const [counts, setCounts] = useState({ helpful, notHelpful });
  const { pending, run } = useMutation();
  const send = (h: boolean) =>
    run(async () => {
      const r = await api<{ helpful: number; not_helpful: number }>('POST', `/hdts/api/kb/articles/${articleId}/feedback/`, {
        helpful: h,
      });
      setVote(h ? 'helpful' : 'not_helpful');
      setCounts({ helpful: r.helpful, notHelpful: r.not_helpful });
    }, 'Thanks for your feedback');
  const button = (h: boolean) => {
    const on = vote === (h ? 'helpful' : 'not_helpful');
    const Icon = h ? ThumbsUp : ThumbsDown;
    return (
      <button
        type="button"
        aria-pressed={on}
        aria-label={`${h ? 'Yes, helpful' : 'No, not helpful'} (${h ? counts.helpful : counts.notHelpful})`}
        disabled={pending}
        onClick={() => send(h)}
        className={`inline-flex items-center gap-1.5 rounded-md border px-3 py-1.5 text-sm ${on ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800'}`}
      >
        <Icon className="h-4 w-4" aria-hidden /> {h ? 'Yes' : 'No'}
        <span className="text-xs opacity-80">({h ? counts.helpful : counts.notHelpful})</span>
      </button>
    );
  };
  return (
    <section aria-labelledby="kb-feedback" className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <h2 id="kb-feedback" className="text-sm font-semibold">
        Was this article helpful?
      </h2>
      <div className="mt-2 flex gap-2">
        {button(true)}
        {button(false)}
      </div>
      {vote && <p className="mt-2 text-xs text-slate-500">You can change your answer at any time.</p>}
    </section>
  );
}

/** Counts one view when a published article is opened. */
export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    api('POST', `/hdts/api/kb/articles/${articleId}/views/`).catch(() => {});
  }, [articleId]);
  return null;
}
