/** Seconds as hours with one decimal (the step times' unit in charts and tables); shared by server and client. */
export const hours = (s: number) => Math.round((s / 3600) * 10) / 10;
