/**
 * An error whose message is safe to show to the user ("No article matches 'xyz'").
 * The dispatcher turns it into a normal reply with `isError: true`; anything else is a crash.
 */
export class UserError extends Error {
  readonly code: string;
  /** Machine-readable details for `--json` (e.g. `{ place: null, suggestions: [...] }`). */
  readonly data: unknown;

  constructor(code: string, message: string, data: unknown = null) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.data = data;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
