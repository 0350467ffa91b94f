import { Fragment } from 'react';
import { LinkedText } from '@/components/knowledge/linked-text';
import { splitMentions } from '@/lib/domain/helpdesk/mentions';

/**
 * A comment's text with its links clickable and each mentioned person shown by name ("@Casey Reyes", the login
 * on hover); `mentions` (lowercased login → name) comes with the comment. Unknown logins stay as typed.
 */
export function MentionText({ text, mentions }: { text: string; mentions?: Record<string, string> }) {
  if (!mentions || Object.keys(mentions).length === 0) return <LinkedText text={text} />;
  return (
    <>
      {splitMentions(text).map((p, i) =>
        'text' in p ? (
          <LinkedText key={i} text={p.text} />
        ) : mentions[p.username] ? (
          <span
            key={i}
            title={p.raw}
            className="rounded bg-brand-50 px-0.5 font-medium text-brand-700 dark:bg-slate-800 dark:text-brand-100"
            data-testid="mention"
          >
            @{mentions[p.username]}
          </span>
        ) : (
          <Fragment key={i}>{p.raw}</Fragment>
        ),
      )}
    </>
  );
}
