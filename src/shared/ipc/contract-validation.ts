/**
 * Checking one contract call before it reaches the core, the same for every binding (Electron
 * IPC, the local control endpoint, the test WebSocket): the payload must not name its own
 * `source` (the binding records where an action came from), and must pass the command's zod
 * schema. The answer is the validated arguments, or a typed invalid-argument Result.
 */
import type { z } from 'zod';
import type { CommandError, CommandName, Result, ValidCommandArgs } from './contract';
import { commandArgSchemas } from './contract-schemas';

/** Where a binding says an action came from (the schemas' `source`). */
export type CallSource = 'window' | 'cli';

export const failure = (
  code: CommandError['code'],
  message: string,
  messageZh: string,
  field: string | null = null,
): Result<never> => ({
  ok: false,
  error: { code, message, messageZh, retcode: null, field },
});

/** The first validation problem as a typed invalid-argument error naming the field. */
function describeValidationFailure(error: z.ZodError): Result<never> {
  const issue = error.issues[0];
  if (!issue) return failure('invalid-argument', 'The request was not valid.', '请求无效。');
  const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const path = [...issue.path.map(String), ...unknownKeys.slice(0, 1)];
  const field = path.length > 0 ? path.join('.') : null;
  const where = field ?? 'request';
  const detail = issue.code === 'unrecognized_keys' ? 'is not an accepted field' : issue.message;
  return failure(
    'invalid-argument',
    `Invalid ${where}: ${detail}.`,
    `参数 ${where} 无效：${detail}。`,
    field,
  );
}

/** Validates `payload` for `name`, recording `source` where the command has one. */
export function validateContractCall<N extends CommandName>(
  name: N,
  payload: unknown,
  source: CallSource,
): Result<ValidCommandArgs<N>> {
  if (typeof payload === 'object' && payload !== null && 'source' in payload)
    return failure(
      'invalid-argument',
      'Invalid source: where an action came from is recorded by CC Inspector itself.',
      '参数 source 无效：操作来源由 CC Inspector 自行记录。',
      'source',
    );
  const schema = commandArgSchemas[name];
  // With no `source` in the payload the schema's default names the window; others say theirs.
  const withSource =
    source !== 'window' && 'shape' in schema && 'source' in schema.shape
      ? { ...(payload as object | undefined), source }
      : (payload ?? {});
  const parsed = schema.safeParse(withSource);
  if (!parsed.success) return describeValidationFailure(parsed.error);
  return { ok: true, value: parsed.data as ValidCommandArgs<N> };
}
