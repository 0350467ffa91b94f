import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * The one Markdown renderer of the product: knowledge articles (on the server) and conversation replies and
 * notes (in the browser, for the thread and the composer's preview) go through this function. No server imports:
 * this module ships to the browser.
 *
 * What people type is rendered by whoever reads it, so the HTML must be inert whatever was typed. Two layers:
 * markdown-it with raw HTML off (tags are shown as text; links with javascript:, vbscript:, data: are not made
 * links), then sanitize-html with an allowlist of tags, attributes and URL schemes.
 */
const options = { html: false, linkify: true, typographer: false } as const;
const articles = new MarkdownIt({ ...options, breaks: false });
// Replies were plain text before they were Markdown: a line break typed is a line break shown.
const replies = new MarkdownIt({ ...options, breaks: true });

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

export type MarkdownFlavour = 'article' | 'reply';

/**
 * Sanitised HTML of Markdown source. `article` (knowledge bases): a single line break joins lines, as Markdown
 * has it; `reply` (comments, internal notes, chat): every line break typed is kept, so plain text reads as typed.
 */
export function renderMarkdown(source: string, flavour: MarkdownFlavour = 'article'): string {
  return sanitizeHtml((flavour === 'reply' ? replies : articles).render(source), SANITIZE);
}

/** The token stream of an article's Markdown (for the text a reader sees: search indexing and snippets). */
export function markdownTokens(source: string) {
  return articles.parse(source, {});
}
