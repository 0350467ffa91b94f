import { z } from 'zod';

/**
 * A `<select>` (or other control) whose empty value means "nothing chosen yet": the person reads `message`
 * ("Choose a priority") instead of the domain schema's error for an empty string or 0; any other value is
 * checked by the domain schema itself, which may coerce the string (ids).
 */
export const chosen = <T extends z.ZodType>(schema: T, message: string) =>
  z
    .string()
    .min(1, message)
    .pipe(schema as unknown as z.ZodType<z.output<T>, string>);
