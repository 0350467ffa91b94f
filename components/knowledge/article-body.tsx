import { PROSE } from '@/components/markdown/prose';

/**
 * An article's body as the server rendered and sanitised it (lib/markdown/render.ts), styled like
 * prose. The HTML never comes from the browser.
 */
export function ArticleBody({ html }: { html: string }) {
  return (
    <div
      data-testid="article-body"
      className={`text-sm ${PROSE}`}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server by sanitize-html (allowlist)
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/** A search snippet: escaped text whose only tags are <mark> around matched words (made on the server). */
export function Snippet({ html, className }: { html: string; className?: string }) {
  if (!html) return null;
  return (
    <p
      className={`text-sm text-slate-600 dark:text-slate-400 [&_mark]:rounded [&_mark]:bg-amber-100 [&_mark]:px-0.5 [&_mark]:text-slate-900 ${className ?? ''}`}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped on the server; only <mark> is added
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
