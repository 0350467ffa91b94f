import { splitMentions } from '@/lib/domain/helpdesk/mentions';

const MENTION_CLASS = 'rounded bg-brand-50 px-0.5 font-medium text-brand-700 dark:bg-slate-800 dark:text-brand-100';
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * Rendered (already sanitised) reply HTML with each mentioned person shown by name ("@Casey Reyes", the login on
 * hover). Only text between tags is touched, never attributes, and never code: `mentions` (lowercased login →
 * name) comes with the comment; unknown logins stay as typed. The names are escaped, so the HTML stays inert.
 */
export function withMentionNames(html: string, mentions?: Record<string, string>): string {
  if (!mentions || Object.keys(mentions).length === 0) return html;
  let inCode = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<(code|pre)\b/i.test(part)) inCode++;
        else if (/^<\/(code|pre)>/i.test(part)) inCode = Math.max(0, inCode - 1);
        return part;
      }
      if (inCode) return part;
      return splitMentions(part)
        .map((p) => {
          if ('text' in p) return p.text;
          const name = mentions[p.username];
          return name
            ? `<span class="${MENTION_CLASS}" title="${p.raw}" data-testid="mention">@${escapeHtml(name)}</span>`
            : p.raw;
        })
        .join('');
    })
    .join('');
}
