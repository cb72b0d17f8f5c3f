/**
 * Result helpers and the mapping of every failure to a typed CommandError (never a throw across
 * the contract). Messages are scrubbed of anything secret-shaped.
 */
import type { Notice } from '../../shared/domain';
import type { CommandError, CommandErrorCode, Result } from '../../shared/ipc/contract';
import { GatewayError } from '../gateway/gateway-error';
import type { Refusal } from './inspector/inspector-refusals';
import { KeychainUnavailableError } from './ports';
import { redactSecrets } from './redaction';
import { explainFailure } from './session/session-policy';
import { errorMessage } from './error-text';

/** A successful Result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed Result. */
export function fail<T>(error: CommandError): Result<T> {
  return { ok: false, error };
}

/** Build a CommandError. */
export function commandError(
  code: CommandErrorCode,
  message: string,
  messageZh: string,
  retcode: string | null = null,
  field: string | null = null,
): CommandError {
  return {
    code,
    message: redactSecrets(message),
    messageZh: redactSecrets(messageZh),
    retcode,
    field,
  };
}

/** A failure the user should see although the command it happened in carried on. */
export function warningNotice(error: CommandError): Notice {
  return { level: 'warning', message: error.message, messageZh: error.messageZh, retcode: null };
}

/** A refusal of the state machine or a guard. */
export function refusalError(refusal: Refusal): CommandError {
  return commandError(refusal.code, refusal.message, refusal.messageZh);
}

export const RECONNECTING: CommandError = commandError(
  'not-signed-in',
  'The connection to the gateway is being restored — try again in a moment.',
  '正在恢复与网关的连接，请稍后重试。',
);

/** Any failure as a CommandError: gateway answers keep their retcode, the rest is `internal`. */
export function toCommandError(error: unknown): CommandError {
  if (error instanceof GatewayError) {
    if (error.kind === 'invalid-argument')
      return commandError('invalid-argument', error.message, error.messageZh);
    if (error.needsSignIn)
      return commandError('not-signed-in', error.message, error.messageZh, error.retcode ?? null);
    const reason = explainFailure(error);
    return commandError('gateway', reason.reason, reason.reasonZh, reason.retcode);
  }
  if (
    error instanceof KeychainUnavailableError ||
    (error instanceof Error && /^Keychain\w*Error$/.test(error.name))
  ) {
    // The credential adapter's message says what is missing and what to do.
    return commandError(
      'keychain-unavailable',
      error.message,
      '无法使用操作系统钥匙串，密码不会以明文保存；请每次签入时输入密码。',
    );
  }
  const detail = errorMessage(error);
  return commandError(
    'internal',
    `Something went wrong inside CC Inspector: ${detail}`,
    `CC Inspector 内部错误：${detail}`,
  );
}
