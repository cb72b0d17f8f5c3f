/**
 * Exit codes of cc-inspector and the error the command line raises for problems of its own
 * (as opposed to GatewayError, which the gateway client raises).
 */

/** Documented exit codes; scripts rely on them. */
export const EXIT_CODE = {
  ok: 0,
  /** The gateway answered and refused (a retcode). */
  refused: 1,
  /** Bad usage or input: unknown option, malformed agent id, unreadable CA file. */
  usage: 2,
  /** The gateway could not be reached properly: DNS, TCP, TLS, timeout, HTTP status, garbage. */
  network: 3,
  /** Sign-in failed or the session was lost; no password available. */
  auth: 4,
  /** A fault of cc-inspector itself (a bug): see the message. */
  internal: 70,
  /** Ended by SIGHUP, SIGINT (Ctrl+C) or SIGTERM, after releasing and signing out: 128 + n. */
  hangup: 129,
  interrupted: 130,
  terminated: 143,
} as const;
export type ExitCode = (typeof EXIT_CODE)[keyof typeof EXIT_CODE];

/** Kinds of CLI-side failures, as shown in `error.kind` of the JSON output. */
export type CliErrorKind =
  | 'usage'
  | 'insecure-gateway'
  | 'no-password'
  | 'keychain-unavailable'
  | 'file'
  | 'internal'
  /** The administrator's policy locks what the command line asked to change. */
  | 'locked-by-policy'
  /** The command acts on a running inspection, and there is none to act on. */
  | 'needs-session'
  /** The live session's control endpoint refused this command line (its token). */
  | 'control-refused';

/** A failure found by the command line itself, with the exit code it ends with. */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly kind: CliErrorKind;
  readonly exitCode: ExitCode;
  /** What to do about it, printed as the `fix:` line (and `hint` in JSON). */
  readonly hint: string | null;

  constructor(
    kind: CliErrorKind,
    message: string,
    exitCode: ExitCode,
    options?: { cause?: unknown; hint?: string },
  ) {
    super(message, options);
    this.kind = kind;
    this.exitCode = exitCode;
    this.hint = options?.hint ?? null;
  }
}

/** A usage/input error (exit 2). */
export function createUsageError(message: string): CliError {
  return new CliError('usage', message, EXIT_CODE.usage);
}
