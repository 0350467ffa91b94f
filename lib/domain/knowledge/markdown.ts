import { markdownTokens } from '@/lib/markdown/render';

/** Knowledge-specific text helpers; articles render with the shared renderer (lib/markdown/render.ts). */

// Private-use characters mark highlights in snippets; they may never appear in indexed text.
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/** The text a reader sees, without Markdown syntax: indexed for search and cut into snippets. */
export function plainText(source: string): string {
  const out: string[] = [];
  const walk = (tokens: ReturnType<typeof markdownTokens>) => {
    for (const t of tokens) {
      if (t.children) walk(t.children);
      else if (t.type === 'text' || t.type === 'code_inline') out.push(t.content);
      else if (t.type === 'fence' || t.type === 'code_block') out.push(`\n${t.content}\n`);
      else if (t.type === 'softbreak' || t.type === 'hardbreak') out.push(' ');
      if (t.type.endsWith('_close') && t.block) out.push('\n');
    }
  };
  walk(markdownTokens(source));
  return out
    .join('')
    .replace(/[\uE000\uE001]/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A snippet from ts_headline (markers around matches) as HTML whose only tag is <mark>. */
export function snippetHtml(raw: string | null): string {
  if (!raw) return '';
  return escapeHtml(raw).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

/** A URL-safe slug of a title (ASCII letters and digits, hyphens between words). */
export function slugify(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return s || 'article';
}
