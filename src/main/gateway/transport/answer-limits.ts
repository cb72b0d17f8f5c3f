/**
 * What a transport refuses to receive, the same in both transports (undici in Node, net.fetch in
 * the app): a redirect (never followed — the next hop could be anyone, and a 307/308 would
 * replay the sign-in body with the password) and an answer larger than the cap (counted while it
 * streams in, so a hostile or broken gateway cannot fill memory). Both end the request with an
 * error the client classifies as a `transport` GatewayError.
 */

/** Default cap of one answer: 8 MiB holds `allagentstatus` of ~90,000 agents. */
export const DEFAULT_MAX_ANSWER_BYTES = 8 * 1024 * 1024;
/** The cap can be raised for very big sites, never beyond this. */
export const MAX_ANSWER_BYTES_CEILING = 256 * 1024 * 1024;

/** Error code of a refused redirect. */
export const REDIRECT_REFUSED_CODE = 'ERR_GATEWAY_REDIRECT_REFUSED';
/** Error code of an answer over the cap. */
export const ANSWER_TOO_LARGE_CODE = 'ERR_GATEWAY_ANSWER_TOO_LARGE';

/** The gateway answered with a 3xx: the request ends here, the redirect is not followed. */
export class RedirectRefusedError extends Error {
  override readonly name = 'RedirectRefusedError';
  readonly code = REDIRECT_REFUSED_CODE;

  /** `status` null: the transport refused the redirect without telling which (net.fetch). */
  constructor(
    readonly status: number | null,
    location: string | null,
  ) {
    const what = status === null ? '' : ` (HTTP ${status}${describeLocation(location)})`;
    super(
      `The gateway answered with a redirect${what}; redirects are never followed. ` +
        'Give the final gateway address (https://host:8043).',
    );
  }
}

/** The answer is larger than the cap (declared by Content-Length, or counted while reading). */
export class AnswerTooLargeError extends Error {
  override readonly name = 'AnswerTooLargeError';
  readonly code = ANSWER_TOO_LARGE_CODE;

  constructor(readonly limitBytes: number) {
    super(
      `The gateway's answer is larger than ${formatMiB(limitBytes)} MiB and was cut off. ` +
        'If this site really is that big, raise the answer size limit.',
    );
  }
}

/** Only the origin of a redirect target is named (a path could carry a token). */
function describeLocation(location: string | null): string {
  if (location === null) return '';
  try {
    return ` to ${new URL(location).origin}`;
  } catch {
    return ' to an unreadable address';
  }
}

function formatMiB(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? String(mib) : mib.toFixed(2);
}

/** A cap in bytes, or the default; a bad value is a programming error. */
export function resolveAnswerLimit(maxAnswerBytes: number | undefined): number {
  if (maxAnswerBytes === undefined) return DEFAULT_MAX_ANSWER_BYTES;
  if (
    !Number.isSafeInteger(maxAnswerBytes) ||
    maxAnswerBytes < 1024 ||
    maxAnswerBytes > MAX_ANSWER_BYTES_CEILING
  )
    throw new RangeError(
      `The answer size limit must be a whole number of bytes from 1 KiB to ${formatMiB(MAX_ANSWER_BYTES_CEILING)} MiB.`,
    );
  return maxAnswerBytes;
}

/** The error for an answer head, if it is one we refuse before reading its body. */
export function refuseAnswerHead(
  status: number,
  header: (name: string) => string | null,
  limitBytes: number,
): Error | null {
  if (status >= 300 && status <= 399) return new RedirectRefusedError(status, header('location'));
  const declared = header('content-length');
  if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > limitBytes)
    return new AnswerTooLargeError(limitBytes);
  return null;
}

/**
 * Reads a web stream as UTF-8 text, counting bytes as they arrive; over `limitBytes` the stream
 * is cancelled (which ends the request) and AnswerTooLargeError is thrown.
 */
export async function readTextWithin(
  body: ReadableStream<Uint8Array> | null,
  limitBytes: number,
): Promise<string> {
  if (body === null) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limitBytes) {
      const error = new AnswerTooLargeError(limitBytes);
      await reader.cancel(error).catch(() => undefined);
      throw error;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, received).toString('utf8');
}
