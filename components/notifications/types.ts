export interface NotificationItem {
  id: string;
  type: string;
  subject: string;
  message: string;
  ticket_number: string | null;
  link: string | null;
  is_read: boolean;
  read_at: string | null;
  created_at: string;
}

export interface NotificationPage {
  count: number;
  unread_count: number;
  next: string | null;
  previous: string | null;
  results: NotificationItem[];
}

export const INAPP_URL = '/notifications/api/v2/notifications/inapp/';
