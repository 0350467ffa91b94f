'use client';

import { Download, Paperclip } from 'lucide-react';
import { useState } from 'react';
import { buttonVariants } from '@/components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '@/components/ui/dialog';

/**
 * An image attachment's thumbnail; activating it opens the image larger, with a download link. Both load the
 * attachment's download URL, so the endpoint decides as it does for the link: who may not download it (or a
 * file that is not a readable image) gets the paperclip instead of a picture.
 */
export function ImagePreview({ url, filename, details }: { url: string; filename: string; details?: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) return <Paperclip className="h-4 w-4 shrink-0 text-slate-500" aria-hidden />;
  return (
    <Dialog>
      <DialogTrigger
        className="h-12 w-12 shrink-0 overflow-hidden rounded border border-slate-200 bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-slate-700 dark:bg-slate-800"
        aria-label={`Preview ${filename}`}
        data-testid="attachment-thumbnail"
      >
        {/* biome-ignore lint/performance/noImgElement: an authenticated download, not a static asset for next/image */}
        <img src={url} alt="" loading="lazy" className="h-full w-full object-cover" onError={() => setFailed(true)} />
      </DialogTrigger>
      <DialogContent title={filename} description={details} className="max-w-4xl">
        <div className="flex justify-center rounded bg-slate-100 p-2 dark:bg-slate-950">
          {/* biome-ignore lint/performance/noImgElement: an authenticated download, not a static asset for next/image */}
          <img src={url} alt={filename} className="max-h-[70vh] max-w-full object-contain" />
        </div>
        <div className="mt-4 flex justify-end">
          <a href={url} download={filename} className={buttonVariants({ variant: 'secondary' })}>
            <Download className="h-4 w-4" aria-hidden /> Download {filename}
          </a>
        </div>
      </DialogContent>
    </Dialog>
  );
}
