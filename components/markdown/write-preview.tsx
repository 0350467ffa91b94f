'use client';

import { useState } from 'react';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { MarkdownText } from './markdown-text';

/**
 * Write / Preview tabs around a reply box: `children` is the box (kept in the page while the preview shows, so
 * nothing typed is lost), the preview is `value` rendered exactly as the thread will show it. Arrow keys move
 * between the tabs (Radix Tabs).
 */
export function WritePreview({ value, children }: { value: string; children: React.ReactNode }) {
  const [tab, setTab] = useState('write');
  return (
    <Tabs value={tab} onValueChange={setTab} className="space-y-1">
      <div className="flex items-center justify-between gap-2">
        <TabsList aria-label="Reply editor">
          <TabsTrigger value="write">Write</TabsTrigger>
          <TabsTrigger value="preview">Preview</TabsTrigger>
        </TabsList>
        <span className="text-xs text-slate-500">Markdown: **bold**, - lists, [links](https://…)</span>
      </div>
      <TabsContent value="write" forceMount>
        {children}
      </TabsContent>
      <TabsContent
        value="preview"
        className="min-h-[5.5rem] rounded-md border border-slate-200 p-2 dark:border-slate-800"
        data-testid="reply-preview"
      >
        {value.trim() ? <MarkdownText source={value} /> : <p className="text-sm text-slate-500">Nothing to preview.</p>}
      </TabsContent>
    </Tabs>
  );
}
