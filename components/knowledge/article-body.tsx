/**
 * An article's body as the server rendered and sanitised it (lib/domain/knowledge/markdown.ts), styled like
 * prose. The HTML never comes from the browser.
 */
export function ArticleBody({ html }: { html: string }) {
  return (
    <div
      data-testid="article-body"
      className="max-w-none text-sm leading-6 text-slate-800 dark:text-slate-200 [&_a]:text-brand-700 [&_a]:underline [&_blockquote]:my-3 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_blockquote]:text-slate-600 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.85em] dark:[&_code]:bg-slate-800 [&_h2]:mt-5 [&_h2]:mb-2 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:mt-4 [&_h3]:mb-1.5 [&_h3]:font-semibold [&_hr]:my-4 [&_img]:max-w-full [&_li]:my-0.5 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-2 [&_pre]:my-3 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-slate-100 [&_pre]:p-3 dark:[&_pre]:bg-slate-800 [&_table]:my-3 [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:border-slate-200 [&_th]:px-2 [&_th]:py-1 [&_th]:text-left [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6"
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
