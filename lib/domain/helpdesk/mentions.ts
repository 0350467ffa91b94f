// @mentions in the ticket's thread (pure: the server's notifier, the comment answers and the browser's
// composer and thread share it). A mention is `@` + the person's username, not preceded by a word character.
export const MENTION = /(^|[^\w@.])@([A-Za-z0-9_.+-]{1,150})/g;

/** The lowercased usernames a text mentions (trailing dots dropped: "thanks @sam."), at most 20. */
export function mentionedUsernames(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION)].map((m) => m[2].replace(/[.]+$/, '').toLowerCase()))].slice(0, 20);
}

/** What the composer inserts for a person: the token the parser understands, then a space. */
export const mentionToken = (username: string) => `@${username} `;

export type MentionPart = { text: string } | { username: string; raw: string };

/** A text cut into plain runs and mentions, for showing mentioned people by name. */
export function splitMentions(text: string): MentionPart[] {
  const parts: MentionPart[] = [];
  let last = 0;
  for (const m of text.matchAll(MENTION)) {
    const name = m[2].replace(/[.]+$/, '');
    const at = (m.index ?? 0) + m[1].length;
    if (at > last) parts.push({ text: text.slice(last, at) });
    parts.push({ username: name.toLowerCase(), raw: `@${name}` });
    last = at + 1 + name.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
