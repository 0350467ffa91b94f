'use client';

import { BookOpen, CheckCircle2, ExternalLink, Lightbulb } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { ApiError, api } from '@/lib/client/api';
import { ArticleBody, Snippet } from './article-body';
import { attemptId } from './ids';

export interface SuggestedArticle {
  id: number;
  slug: string;
  url: string;
  title: string;
  category: string;
  sub_category: string | null;
  snippet: string;
}

/** The article that solved the problem, and the submit attempt its deflection was recorded under. */
export interface SolvedBy {
  id: number;
  title: string;
  url: string;
  attempt: string;
}

const DEBOUNCE_MS = 350;

/**
 * Answers while the employee types the subject of a ticket: the best matching published articles (debounced).
 * Opening one shows it here, without leaving the form; "This solved my problem" records a deflection for this
 * submit attempt (once) and calls `onSolved`, so the form can end without a ticket.
 */
export function ArticleSuggestions({
  subject,
  category,
  onSolved,
}: {
  subject: string;
  category?: string;
  onSolved?: (article: SolvedBy) => void;
}) {
  const [attempt] = useState(attemptId);
  const [results, setResults] = useState<SuggestedArticle[]>([]);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState<SuggestedArticle | null>(null);
  const seq = useRef(0);
  const q = subject.trim();

  useEffect(() => {
    if (q.length < 3) {
      setResults([]);
      setLoading(false);
      return;
    }
    const mine = ++seq.current;
    setLoading(true);
    const timer = setTimeout(async () => {
      try {
        const params = new URLSearchParams({ q, limit: '5' });
        if (category) params.set('category', category);
        const res = await api<{ results: SuggestedArticle[] }>('GET', `/hdts/api/kb/suggestions/?${params}`);
        if (mine === seq.current) {
          setResults(res.results);
          setFailed(false);
        }
      } catch {
        if (mine === seq.current) setFailed(true);
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, category]);

  if (q.length < 3) return null;
  return (
    <section
      aria-label="Suggested articles"
      aria-busy={loading}
      className="rounded-lg border border-brand-100 bg-brand-50/60 p-3 dark:border-slate-700 dark:bg-slate-800/50"
      data-testid="article-suggestions"
    >
      <h2 className="flex items-center gap-1.5 text-sm font-semibold">
        <Lightbulb className="h-4 w-4 text-amber-500" aria-hidden /> These articles may answer your question
      </h2>
      <div aria-live="polite">
        {failed && <p className="mt-1 text-xs text-slate-500">Suggestions are unavailable right now.</p>}
        {!failed && loading && !results.length && <p className="mt-1 text-xs text-slate-500">Looking for answers…</p>}
        {!failed && !loading && !results.length && (
          <p className="mt-1 text-xs text-slate-500">No matching articles yet: keep typing, or describe the problem below.</p>
        )}
      </div>
      {results.length > 0 && (
        <ul className="mt-2 space-y-2">
          {results.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                onClick={() => setOpen(r)}
                className="w-full rounded-md bg-white p-2 text-left hover:ring-2 hover:ring-brand-300 focus-visible:outline-2 focus-visible:outline-brand-500 dark:bg-slate-900"
              >
                <span className="flex items-center gap-1.5 text-sm font-medium text-brand-700 dark:text-brand-100">
                  <BookOpen className="h-3.5 w-3.5 shrink-0" aria-hidden /> {r.title}
                </span>
                <Snippet html={r.snippet} className="mt-0.5 line-clamp-2 text-xs" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <ArticlePreview
          article={open}
          attempt={attempt}
          query={q}
          onClose={() => setOpen(null)}
          onSolved={(a) => {
            setOpen(null);
            onSolved?.(a);
          }}
        />
      )}
    </section>
  );
}

interface FullArticle {
  id: number;
  title: string;
  html: string;
  url: string;
  breadcrumbs: string[];
}

/** The article inside the form, with "This solved my problem". Opening it counts a view. */
function ArticlePreview({
  article,
  attempt,
  query,
  onClose,
  onSolved,
}: {
  article: SuggestedArticle;
  attempt: string;
  query: string;
  onClose: () => void;
  onSolved: (a: SolvedBy) => void;
}) {
  const [full, setFull] = useState<FullArticle | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    let live = true;
    api<FullArticle>('GET', `/hdts/api/kb/articles/${article.id}/`)
      .then((a) => live && setFull(a))
      .catch((e) => live && setError(e instanceof ApiError ? e.message : 'Could not open the article'));
    api('POST', `/hdts/api/kb/articles/${article.id}/views/`).catch(() => {});
    return () => {
      live = false;
    };
  }, [article.id]);

  async function solved() {
    setPending(true);
    try {
      await api('POST', '/hdts/api/kb/deflections/', { attempt_id: attempt, article_id: article.id, query: query.slice(0, 255) });
      onSolved({ id: article.id, title: article.title, url: article.url, attempt });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not record that, please try again');
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent title={article.title} description={[article.category, article.sub_category].filter(Boolean).join(' › ')}>
        <div className="max-h-[55vh] overflow-y-auto pr-1">
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
          {!full && !error && <p className="text-sm text-slate-500">Loading the article…</p>}
          {full && <ArticleBody html={full.html} />}
        </div>
        <DialogFooter>
          <Link
            href={article.url}
            target="_blank"
            className="mr-auto inline-flex items-center gap-1 self-center text-sm text-brand-700 underline"
          >
            Open in the knowledge base <ExternalLink className="h-3.5 w-3.5" aria-hidden />
          </Link>
          <Button variant="secondary" onClick={onClose}>
            Not what I need
          </Button>
          <Button onClick={solved} pending={pending} disabled={!full}>
            <CheckCircle2 className="h-4 w-4" aria-hidden /> This solved my problem
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/**
 * What the submit form shows instead of itself once an article solved the problem: no ticket was created.
 * "I still need help" takes the deflection back (it did not solve it after all) and returns to the form.
 */
export function DeflectedNotice({ article, onRestart }: { article: SolvedBy; onRestart: () => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function stillNeedHelp() {
    setPending(true);
    setError(null);
    try {
      await api('DELETE', `/hdts/api/kb/deflections/${encodeURIComponent(article.attempt)}/`);
      onRestart();
    } catch (e) {
      // already taken back (another tab): nothing is left to undo
      if (e instanceof ApiError && e.status === 404) onRestart();
      else setError(e instanceof ApiError ? e.message : 'Could not reach the help desk, please try again');
    } finally {
      setPending(false);
    }
  }
  return (
    <div
      role="status"
      data-testid="deflected"
      className="max-w-2xl rounded-xl border border-green-300 bg-green-50 p-6 dark:border-green-800 dark:bg-green-950"
    >
      <h2 className="flex items-center gap-2 text-lg font-semibold">
        <CheckCircle2 className="h-5 w-5 text-green-700" aria-hidden /> Glad that helped
      </h2>
      <p className="mt-1 text-sm">
        No ticket was created. The answer stays in the knowledge base:{' '}
        <Link href={article.url} className="font-medium underline">
          {article.title}
        </Link>
        .
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        <Button asChild>
          <Link href="/employee/knowledge">Browse the knowledge base</Link>
        </Button>
        <Button variant="secondary" onClick={stillNeedHelp} pending={pending}>
          I still need help
        </Button>
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
