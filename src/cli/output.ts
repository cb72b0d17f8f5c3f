/**
 * How cc-inspector prints: results as text lines (or one JSON object per line with --json) on
 * stdout; failures as a human message on stderr (plus a JSON object on stdout with --json);
 * and which exit code each failure ends with.
 */
import { GatewayError } from '../main/gateway/gateway-error';
import { InvalidCredentialAccountError } from '../main/credentials/credential-account';
import { KeychainOperationError } from '../main/credentials/keychain-failure';
import { KeychainUnavailableError } from '../main/supervisor/ports';
import { CliError, EXIT_CODE, type ExitCode } from './cli-error';
import type { CliLanguage } from './cli-language';
import type { CommandError } from '../shared/ipc/contract';
import { describeRetcode } from '../shared/gateway-protocol/gateway-retcodes';
import { createTranslator, tr } from './cli-i18n';
import { fixOfRetcode, suggestFix } from './failure-fixes';
import { PromptCancelledError } from './prompt-cancelled-error';

export interface TextSink {
  write(text: string): unknown;
}

/** What a failure looks like in the JSON output (`error`) and on stderr. */
export interface FailureView {
  kind: string;
  retcode: string | null;
  message: string;
  hint: string | null;
}

/** A refusal or failure in the contract's words (the live session's, or the session core's). */
export class ContractFailure extends Error {
  override readonly name = 'ContractFailure';
  constructor(readonly error: CommandError) {
    super(error.message);
  }
}

/** Exit code of a contract error: the same classes as a gateway failure's. */
function exitCodeOfContractError(error: CommandError): ExitCode {
  switch (error.code) {
    case 'invalid-argument':
    case 'insecure-gateway':
    case 'no-password':
    case 'keychain-unavailable':
    case 'locked-by-policy':
      return EXIT_CODE.usage;
    case 'not-signed-in':
      return EXIT_CODE.auth;
    case 'gateway': {
      if (error.retcode === null) return EXIT_CODE.network;
      const retcodeClass = describeRetcode(error.retcode).class;
      return retcodeClass === 'fatal-sign-in' || retcodeClass === 'session-lost'
        ? EXIT_CODE.auth
        : EXIT_CODE.refused;
    }
    case 'forbidden-state':
    case 'forbidden-sender':
      return EXIT_CODE.refused;
    case 'unknown-command':
    case 'internal':
      return EXIT_CODE.internal;
  }
}

/** The view and the exit code of any thrown value; gateway messages in the chosen language. */
export function describeFailure(
  error: unknown,
  language: CliLanguage,
): { view: FailureView; exitCode: ExitCode } {
  const t = createTranslator(language);
  if (error instanceof GatewayError) {
    const message = language === 'zh-CN' ? error.messageZh : error.message;
    const view = {
      kind: error.kind,
      retcode: error.retcode ?? null,
      message,
      hint: suggestFix(error, t),
    };
    return { view, exitCode: exitCodeOfGatewayError(error) };
  }
  if (error instanceof ContractFailure) {
    const { code, retcode, message, messageZh } = error.error;
    return {
      view: {
        kind: code,
        retcode,
        message: language === 'zh-CN' ? messageZh : message,
        hint: fixOfRetcode(retcode, t),
      },
      exitCode: exitCodeOfContractError(error.error),
    };
  }
  if (error instanceof CliError)
    return {
      view: { ...plainView(error.kind, error.message), hint: error.hint },
      exitCode: error.exitCode,
    };
  if (error instanceof PromptCancelledError)
    return { view: plainView('cancelled', error.message), exitCode: EXIT_CODE.interrupted };
  if (error instanceof KeychainUnavailableError) {
    return { view: plainView('keychain-unavailable', error.message), exitCode: EXIT_CODE.auth };
  }
  if (error instanceof KeychainOperationError)
    return { view: plainView('keychain', error.message), exitCode: EXIT_CODE.auth };
  if (error instanceof InvalidCredentialAccountError)
    return { view: plainView('usage', error.message), exitCode: EXIT_CODE.usage };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    view: plainView('internal', t('output.unexpected', { detail })),
    exitCode: EXIT_CODE.internal,
  };
}

function plainView(kind: string, message: string): FailureView {
  return { kind, retcode: null, message, hint: null };
}

/** Exit code of a gateway failure: 1 refused, 2 bad input, 3 network/TLS, 4 sign-in or session lost. */
export function exitCodeOfGatewayError(error: GatewayError): ExitCode {
  switch (error.kind) {
    case 'invalid-argument':
      return EXIT_CODE.usage;
    case 'http-status':
      // 401/403: the gateway or its NSLB refuses the session — a sign-in problem, not the network.
      return error.needsSignIn ? EXIT_CODE.auth : EXIT_CODE.network;
    case 'transport':
    case 'timeout':
    case 'tls':
    case 'malformed':
      return EXIT_CODE.network;
    case 'retcode':
      // By class (cec_07_0580): refusal and retry-later → 1, fatal sign-in and session lost → 4.
      return error.retcodeClass === 'fatal-sign-in' || error.retcodeClass === 'session-lost'
        ? EXIT_CODE.auth
        : EXIT_CODE.refused;
    case 'aborted':
      return EXIT_CODE.refused;
  }
}

/** Where one command prints, in the format and language the user chose. */
export class CliOutput {
  constructor(
    readonly streams: { stdout: TextSink; stderr: TextSink },
    readonly json: boolean,
    readonly language: CliLanguage,
  ) {}

  /** A success: one JSON object (`ok: true` first) with --json, else the text lines. */
  printSuccess(
    command: string,
    fields: Record<string, unknown>,
    text: string | readonly string[],
  ): void {
    if (this.json) this.printJson({ ok: true, command, ...fields });
    else this.printLines(text);
  }

  /** A failure: message (and hint) on stderr, JSON on stdout with --json. Returns the exit code. */
  printFailure(error: unknown, command: string, target: string | null = null): ExitCode {
    const { view, exitCode } = describeFailure(error, this.language);
    if (this.json) this.printJson({ ok: false, command, target, error: view });
    this.streams.stderr.write(`${formatFailureText(command, target, view, this.language)}\n`);
    return exitCode;
  }

  /** One JSON object on its own line. */
  printJson(value: unknown): void {
    this.streams.stdout.write(`${JSON.stringify(value)}\n`);
  }

  /** Text lines on stdout. */
  printLines(text: string | readonly string[]): void {
    const lines = typeof text === 'string' ? [text] : text;
    if (lines.length > 0) this.streams.stdout.write(`${lines.join('\n')}\n`);
  }

  /** A progress or status note for people; stderr, so stdout stays machine-readable. */
  printNote(text: string): void {
    this.streams.stderr.write(`${text}\n`);
  }
}

/** `cc-inspector: listen 1002 failed [900-003]: The agent … \n  fix: …` */
function formatFailureText(
  command: string,
  target: string | null,
  view: FailureView,
  language: CliLanguage,
): string {
  const t = createTranslator(language);
  const what = target ? `${command} ${target}` : command;
  const code = view.retcode ? ` [${view.retcode}]` : '';
  const hint = view.hint ? `\n  ${t('output.fix')} ${view.hint}` : '';
  return `${t('output.failed', { what, code, message: view.message })}${hint}`;
}

/** Left-aligned columns separated by two spaces; the header row first. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string[] {
  const widths = header.map((title, column) =>
    Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column] ?? ''))),
  );
  const pad = (cell: string, width: number) =>
    cell + ' '.repeat(Math.max(0, width - displayWidth(cell)));
  const formatRow = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : pad(cell, widths[column] ?? 0)))
      .join('  ');
  return [formatRow(header), ...rows.map(formatRow)];
}

/** East Asian wide and full-width ranges: two terminal columns each (agent names are often Chinese). */
const WIDE_CHARACTERS =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/** Columns a string takes in a terminal. */
function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += WIDE_CHARACTERS.test(character) ? 2 : 1;
  return width;
}

/** A short duration for people: `850 ms`, `42 s`, `3 min 05 s`, `2 h 04 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return tr('duration.ms', { value: Math.max(0, Math.round(ms)) });
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return tr('duration.s', { value: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60)
    return tr('duration.minS', { min: minutes, s: String(seconds % 60).padStart(2, '0') });
  return tr('duration.hMin', {
    h: Math.floor(minutes / 60),
    min: String(minutes % 60).padStart(2, '0'),
  });
}
