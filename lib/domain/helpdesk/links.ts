/**
 * Where the help desk's messages send the requester. No server imports: the ticket page's buttons use these too.
 * `?rate=1` on the ticket page opens the rating dialog (when the ticket is closed and not rated yet): the link of
 * the CSAT request (in-app and e-mail), and where closing the ticket lands.
 */
export const RATE_PARAM = 'rate';

export const employeeTicketPath = (ticketNumber: string) => `/employee/tickets/${ticketNumber}`;

export const csatRatingPath = (ticketNumber: string) => `${employeeTicketPath(ticketNumber)}?${RATE_PARAM}=1`;

/** Whether the ticket page was opened to rate (the value of its `rate` search parameter). */
export const wantsRating = (value: string | string[] | undefined) => value === '1';
