import { describe, expect, it } from 'vitest';
import { type MarkdownFlavour, renderMarkdown } from '@/lib/markdown/render';

/** The real elements of an HTML string (escaped text such as &lt;script&gt; is not an element). */
const elements = (html: string) => html.match(/<[a-z][^>]*>/gi) ?? [];

function expectInert(html: string) {
  for (const el of elements(html)) {
    expect(el).not.toMatch(/^<(script|iframe|svg|object|embed|style|div|form|input|textarea|math|link|meta|base)\b/i);
    expect(el).not.toMatch(/\son\w+\s*=/i);
    expect(el).not.toMatch(/(href|src)\s*=\s*"?\s*(javascript|vbscript|data):/i);
  }
}

/** What a reader sees of the HTML: its text, a line break where <br> or a block ends. */
const readerText = (html: string) =>
  html
    .replace(/<br\s*\/?>\n?/g, '\n')
    .replace(/<\/p>\n?<p>/g, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

const FLAVOURS: MarkdownFlavour[] = ['article', 'reply'];

const ATTACKS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="https://example.com/a.png" onerror="alert(1)">',
  '![x](https://example.com/a.png" onerror="alert(1))',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '<javascript:alert(1)>',
  '![x](javascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<div onclick="alert(1)">x</div>',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](vbscript:msgbox(1))',
  '<iframe src="https://evil.example"></iframe>',
  '<svg onload=alert(1)>',
  '<style>body{display:none}</style>',
  '<form action="https://evil.example"><input name=x></form>',
];

describe.each(FLAVOURS)('the shared Markdown renderer (%s)', (flavour) => {
  it.each(ATTACKS)('renders %s inert', (src) => {
    const html = renderMarkdown(`Hello\n\n${src}\n\n**bold** [ok](https://example.com)`, flavour);
    expectInert(html);
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('href="https://example.com"');
  });

  it('shows typed HTML as text rather than dropping it', () => {
    const html = renderMarkdown('<script>alert(1)</script> and <img src=x onerror=alert(1)>', flavour);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(readerText(html)).toBe('<script>alert(1)</script> and <img src=x onerror=alert(1)>');
  });

  it('renders bold, lists and links; external links open apart and pass no referrer', () => {
    const html = renderMarkdown(
      '**Restart** the router:\n\n- unplug it\n- wait 10 s\n\n[Guide](https://example.com/guide)',
      flavour,
    );
    expect(html).toContain('<strong>Restart</strong>');
    expect(html).toMatch(/<ul>\s*<li>unplug it<\/li>\s*<li>wait 10 s<\/li>\s*<\/ul>/);
    expect(html).toContain('<a href="https://example.com/guide" rel="noopener noreferrer nofollow" target="_blank">Guide</a>');
  });

  it('keeps links to the knowledge base inside the app', () => {
    const html = renderMarkdown('See [Reset your VPN](/kb/reset-your-vpn)', flavour);
    expect(html).toContain('<a href="/kb/reset-your-vpn">Reset your VPN</a>');
  });

  it('makes a bare web address a link, and only http(s) and mailto', () => {
    expect(renderMarkdown('Go to https://example.com/status now', flavour)).toContain(
      '<a href="https://example.com/status" rel="noopener noreferrer nofollow" target="_blank">https://example.com/status</a>',
    );
    expect(renderMarkdown('[mail](mailto:help@example.com)', flavour)).toContain('href="mailto:help@example.com"');
  });

  it('turns a level-one heading into h2 (the page title is the only h1)', () => {
    expect(renderMarkdown('# Title', flavour)).toBe('<h2>Title</h2>\n');
  });
});

describe('plain text replies (written before replies were Markdown)', () => {
  const PLAIN = [
    'Thanks, that fixed it!',
    'My laptop shows error 0x7B & restarts.\nIt started after the update on 2026-12-01.\n\nCan you help?',
    'The file is C:\\Users\\emma\\report_final_v2.docx (about 3 MB)',
    'Ping 10.0.0.1 -> timeout; 5 < 10 and "quotes" and it\'s fine',
    'snake_case_name and 2 * 3 * 4 = 24, 50% off, #42 fixed',
    '@agent1 please check',
  ];
  it.each(PLAIN)('reads as typed: %s', (text) => {
    const html = renderMarkdown(text, 'reply');
    expect(readerText(html)).toBe(text);
    expect(elements(html).every((el) => /^<(p|br)\b/.test(el))).toBe(true);
  });

  it('keeps a single line break of a reply (an article joins the lines)', () => {
    expect(renderMarkdown('line one\nline two', 'reply')).toBe('<p>line one<br />\nline two</p>\n');
    expect(renderMarkdown('line one\nline two', 'article')).toBe('<p>line one\nline two</p>\n');
  });
});
