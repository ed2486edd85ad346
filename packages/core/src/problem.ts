/**
 * The error contract shared by server and web (RFC 9457 "problem details" shape). The server owns
 * the table of problem types and codes; core only fixes the shape so both sides agree on it.
 */

/** One invalid input field; `path` is dotted (e.g. 'contacts.0.phone'), `message` already localized. */
export type FieldError = { path: string; message: string };

export type Problem = {
  /** URI reference identifying the problem type */
  type: string;
  title: string;
  /** HTTP status */
  status: number;
  detail?: string;
  /** stable machine-readable code, e.g. 'validation' or a message key */
  code: string;
  errors?: FieldError[];
};

/** The few codes core itself produces; the server extends this list with its own. */
export const ERROR_CODES = {
  validation: 'validation',
  calendarYearUnknown: 'calendar.yearUnknown',
} as const;

export type CoreErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
