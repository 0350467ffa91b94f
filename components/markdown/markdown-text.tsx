'use client';

import { useMemo } from 'react';
import { cn } from '@/components/ui/cn';
import { renderMarkdown } from '@/lib/markdown/render';
import { REPLY_PROSE } from './prose';

/**
 * A reply, internal note or chat message as its Markdown reads (bold, lists, links, code), rendered in the browser
 * by the one renderer and sanitiser (lib/markdown/render.ts): whatever was typed, the HTML is inert. Plain text
 * shows as typed, line breaks included.
 */
export function MarkdownText({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source, 'reply'), [source]);
  return (
    <div
      data-markdown=""
      className={cn('text-sm break-words', REPLY_PROSE, className)}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: markdown-it without raw HTML, then sanitize-html (allowlist)
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
