import { Fragment } from 'react';

// [title](http...) as written by "Insert article", and bare web addresses.
const LINK = /\[([^\]\n]{1,200})\]\((https?:\/\/[^\s)]+|\/kb\/[a-z0-9-]+)\)|(https?:\/\/[^\s<>()]+)/g;

/**
 * Plain text (a comment) with its links clickable: `[title](url)` shows the title, bare http(s) addresses show
 * themselves. Everything else stays text (React escapes it); only http(s) and /kb/ links become anchors.
 */
export function LinkedText({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    const href = m[2] ?? m[3];
    parts.push(
      <a key={at} href={href} className="text-brand-700 underline" target="_blank" rel="noopener noreferrer nofollow">
        {m[1] ?? m[3]}
      </a>,
    );
    last = at + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>{p}</Fragment>
      ))}
    </>
  );
}
