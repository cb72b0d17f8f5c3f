/**
 * CC-Gateway `retcode` values: what each means (English and Simplified Chinese) and how a client
 * recovers from it (its class). Shared by the client (to explain and classify errors) and the
 * simulator (to answer with the documented codes). The table is gateway-retcode-table.ts; the
 * classes are the project's decisions (docs/decisions/gateway-client.md).
 */
import { RETCODE_TABLE, type RetcodeClass, type RetcodeRow } from './gateway-retcode-table';

export type { RetcodeClass } from './gateway-retcode-table';

export interface RetcodeInfo {
  readonly en: string;
  readonly zh: string;
  readonly class: RetcodeClass;
  /** Repeating the same request later may succeed (class `retry-later`). */
  readonly retryable: boolean;
  /** The session is gone or unusable: sign in again (class `session-lost`). */
  readonly needsSignIn: boolean;
}

export const RETCODE_SUCCESS = '0';

export type KnownRetcode = keyof typeof RETCODE_TABLE;

function toInfo([retcodeClass, en, zh]: RetcodeRow): RetcodeInfo {
  return {
    en,
    zh,
    class: retcodeClass,
    retryable: retcodeClass === 'retry-later',
    needsSignIn: retcodeClass === 'session-lost',
  };
}

/** Every documented code with its texts and class. */
export const RETCODES: Readonly<Record<KnownRetcode, RetcodeInfo>> = Object.freeze(
  Object.fromEntries(
    Object.entries(RETCODE_TABLE).map(([code, row]) => [code, toInfo(row)]),
  ) as Record<KnownRetcode, RetcodeInfo>,
);

const BY_CODE = RETCODES as Readonly<Record<string, RetcodeInfo | undefined>>;

/** Whether the code is in the documented table. */
export function isKnownRetcode(code: string): code is KnownRetcode {
  return BY_CODE[code] !== undefined;
}

/**
 * Human description and class of a retcode. A code the pages do not list is a refusal with a
 * generic text naming it: nothing says a retry or a new sign-in would help.
 */
export function describeRetcode(code: string): RetcodeInfo {
  return (
    BY_CODE[code] ?? {
      en: `The gateway refused the request (code ${code}).`,
      zh: `网关拒绝了请求（错误码 ${code}）。`,
      class: 'refusal',
      retryable: false,
      needsSignIn: false,
    }
  );
}

/** The recovery class of a retcode. */
export function retcodeClass(code: string): RetcodeClass {
  return describeRetcode(code).class;
}

/** Codes that mean "session gone": sign in again. */
export function retcodeNeedsSignIn(code: string): boolean {
  return retcodeClass(code) === 'session-lost';
}
