import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Article bodies are Markdown written by staff and read by everyone, so the HTML must be inert whatever was
 * typed. Two layers: markdown-it with raw HTML off (tags are shown as text; links with javascript:, vbscript:,
 * data: are not made links), then sanitize-html with an allowlist of tags, attributes and URL schemes.
 */
const md = new MarkdownIt({ html: false, linkify: true, breaks: false, typographer: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    's',
    'code',
    'pre',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], img: ['src', 'alt', 'title'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    // the page's title is the only h1
    h1: 'h2',
    a: (tagName, attribs) => {
      const external = /^https?:/i.test(attribs.href ?? '');
      return {
        tagName,
        attribs: external ? { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' } : attribs,
      };
    },
  },
};

/** Sanitised HTML of an article body. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source), SANITIZE);
}

// Private-use characters mark highlights in snippets; they may never appear in indexed text.
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/** The text a reader sees, without Markdown syntax: indexed for search and cut into snippets. */
export function plainText(source: string): string {
  const out: string[] = [];
  const walk = (tokens: ReturnType<typeof md.parse>) => {
    for (const t of tokens) {
      if (t.children) walk(t.children);
      else if (t.type === 'text' || t.type === 'code_inline') out.push(t.content);
      else if (t.type === 'fence' || t.type === 'code_block') out.push(`\n${t.content}\n`);
      else if (t.type === 'softbreak' || t.type === 'hardbreak') out.push(' ');
      if (t.type.endsWith('_close') && t.block) out.push('\n');
    }
  };
  walk(md.parse(source, {}));
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
