/**
 * Scripted faults: "answer the next N requests of this interface with this retcode (or HTTP
 * status)" — the documented codes a real gateway gives in rare moments (105-xxx during a
 * disaster-recovery switchover, 100-011…100-018 at sign-in, 000-004 while switched over) and
 * an expired session answered by the gateway or its NSLB with HTTP 401/403 (issue 10).
 */
import { INTERFACES } from '../../shared/gateway-protocol/gateway-paths';

export interface ScriptedAnswer {
  /** Gateway log name of the interface (`addSupervise`, `login`, `getAgentEvent` …) or '*'. */
  interface: string;
  /** A retcode to answer with (HTTP 200 envelope), e.g. '105-002'. */
  retcode?: string;
  /** Or an HTTP status to answer with instead, e.g. 401 or 403. */
  httpStatus?: number;
  /** How many requests to answer this way (default 1). */
  times?: number;
}

export type ScriptedOutcome =
  { kind: 'retcode'; retcode: string } | { kind: 'http'; status: number };

const LOG_NAMES: ReadonlySet<string> = new Set(
  Object.values(INTERFACES).map((spec) => spec.logName),
);
const RETCODE_PATTERN = /^\d{3}-\d{3}$/;
const MAX_TIMES = 1_000_000;

/** Check an untrusted scripted answer (code or admin endpoint); throws a clear Error. */
export function validateScriptedAnswer(
  input: unknown,
): Required<Omit<ScriptedAnswer, 'retcode' | 'httpStatus'>> & ScriptedAnswer {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new Error('A scripted answer must be a JSON object.');
  const answer = input as Record<string, unknown>;
  const name = answer.interface;
  if (typeof name !== 'string' || (name !== '*' && !LOG_NAMES.has(name)))
    throw new Error(
      `Scripted answer: unknown interface ${JSON.stringify(name)} (a log name or '*').`,
    );
  const { retcode, httpStatus } = answer;
  if ((retcode === undefined) === (httpStatus === undefined))
    throw new Error('Scripted answer: give exactly one of retcode and httpStatus.');
  if (retcode !== undefined && (typeof retcode !== 'string' || !RETCODE_PATTERN.test(retcode)))
    throw new Error(
      `Scripted answer: retcode must look like '105-002', got ${JSON.stringify(retcode)}.`,
    );
  if (
    httpStatus !== undefined &&
    (typeof httpStatus !== 'number' ||
      !Number.isInteger(httpStatus) ||
      httpStatus < 300 ||
      httpStatus > 599)
  )
    throw new Error(
      `Scripted answer: httpStatus must be 300–599, got ${JSON.stringify(httpStatus)}.`,
    );
  const times = answer.times ?? 1;
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1 || times > MAX_TIMES)
    throw new Error(`Scripted answer: times must be a whole number from 1 to ${MAX_TIMES}.`);
  return {
    interface: name,
    times,
    ...(retcode !== undefined ? { retcode: retcode as string } : {}),
    ...(httpStatus !== undefined ? { httpStatus: httpStatus as number } : {}),
  };
}

/** The queue of scripted answers, consumed in order per interface. */
export class ScriptedAnswers {
  private entries: Array<{ interface: string; outcome: ScriptedOutcome; left: number }> = [];

  add(input: ScriptedAnswer): void {
    const answer = validateScriptedAnswer(input);
    const outcome: ScriptedOutcome =
      answer.retcode !== undefined
        ? { kind: 'retcode', retcode: answer.retcode }
        : { kind: 'http', status: answer.httpStatus as number };
    this.entries.push({ interface: answer.interface, outcome, left: answer.times });
  }

  clear(): void {
    this.entries = [];
  }

  /** Scripted answers still pending. */
  get pending(): number {
    return this.entries.reduce((sum, entry) => sum + entry.left, 0);
  }

  /** The scripted outcome for this request, if any (consumes one). */
  take(logName: string): ScriptedOutcome | null {
    const entry = this.entries.find(
      (candidate) => candidate.interface === logName || candidate.interface === '*',
    );
    if (!entry) return null;
    entry.left -= 1;
    if (entry.left <= 0) this.entries = this.entries.filter((candidate) => candidate !== entry);
    return entry.outcome;
  }
}
