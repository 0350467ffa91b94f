/** One entry of a conversation as the messaging APIs return it (comments of the thread, or chat messages). */
export interface ConversationItem {
  id: number;
  user_id: number;
  username: string;
  text: string;
  /** Mentioned people: lowercased login → name (shown by name in the thread). */
  mentions?: Record<string, string>;
  created_at: string;
  is_internal?: boolean;
  is_unsent?: boolean;
  edited_at?: string | null;
  parent_id?: number | null;
  ratings?: { thumbs_up: number; thumbs_down: number };
  my_rating?: 'thumbs_up' | 'thumbs_down' | null;
  replies?: ConversationItem[];
}

/** `comments`: the ticket's thread (public, plus internal for staff); `messages`: the coordinator ↔ agent chat. */
export type ConversationSource = 'comments' | 'messages';
