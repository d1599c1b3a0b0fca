/**
 * A usage or I/O problem the user can fix (missing file, bad flag value). The CLI prints the
 * message without a stack trace and exits with code 2.
 */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'UserError';
  }
}
