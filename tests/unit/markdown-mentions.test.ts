import { describe, expect, it } from 'vitest';
import { withMentionNames } from '@/lib/markdown/mentions';
import { renderMarkdown } from '@/lib/markdown/render';

const names = { casey: 'Casey <Reyes>', sam: 'Sam Lee' };
const render = (s: string) => withMentionNames(renderMarkdown(s, 'reply'), names);

describe('mentioned people by name in a rendered reply', () => {
  it('shows a known login as the name (escaped), with the login on hover', () => {
    const html = render('Thanks **@casey**, and @sam.');
    expect(html).toContain('title="@casey" data-testid="mention">@Casey &lt;Reyes&gt;</span>');
    expect(html).toContain('data-testid="mention">@Sam Lee</span>.');
    expect(html).not.toContain('<Reyes>');
  });

  it('leaves unknown logins, code, link targets and e-mail addresses as written', () => {
    const html = render('@nobody `@casey` [x](https://example.com/@casey) mail casey@example.com\n\n```\n@sam\n```');
    expect(html).toContain('@nobody');
    expect(html).toContain('<code>@casey</code>');
    expect(html).toContain('href="https://example.com/@casey"');
    expect(html).toContain('casey@example.com');
    expect(html).toContain('@sam\n</code></pre>');
    expect(html).not.toContain('data-testid="mention"');
  });

  it('changes nothing without mentions', () => {
    const html = renderMarkdown('hi @casey', 'reply');
    expect(withMentionNames(html, {})).toBe(html);
    expect(withMentionNames(html)).toBe(html);
  });
});
