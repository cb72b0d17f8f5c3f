/**
 * Decides, per request, whether and how to misbehave: latency and jitter, business errors,
 * HTTP 5xx with an HTML page, malformed JSON, dropped connections, or a black hole (stalled)
 * that holds requests until cleared. Draws from its own seeded stream so faults never shift
 * the center's randomness.
 */
import { NO_FAULTS, validateFaultPatch } from './fault-spec';
import { SeededRandom } from '../center/seeded-random';
import type { FaultSettings } from '../simulator-types';
import { ScriptedAnswers } from './scripted-answers';

export type FaultOutcome = 'drop' | 'http5xx' | 'malformed' | 'retcode' | null;

const MALFORMED_BODIES = [
  '{"message":"","retcode":"0","result":{"workno":',
  '{"message":0,"retcode":0,"result":"not-an-object"}',
  '[1,2,3]',
  '<html><body>Session expired</body></html>',
  '{"message":"","retcode":"0","event":"AgentState_Ready"}',
  '{"message":"","retcode":"0","event":{"eventType":42,"workNo":null,"content":[]}}',
  'null',
] as const;

export class FaultInjector {
  private settings: FaultSettings = { ...NO_FAULTS };
  private readonly random: SeededRandom;
  private readonly stallClearedListeners = new Set<() => void>();
  /** Answers scheduled for specific interfaces (retcodes, HTTP statuses). */
  readonly scripted = new ScriptedAnswers();

  constructor(seed: number, initial: Partial<FaultSettings> = {}) {
    this.random = new SeededRandom(seed ^ 0x5f3759df);
    this.set(initial);
  }

  /** Current settings (a copy). */
  get(): FaultSettings {
    return { ...this.settings };
  }

  /** Apply a validated patch; throws on bad values. Clearing `stalled` releases held requests. */
  set(patch: Partial<FaultSettings>): void {
    const wasStalled = this.settings.stalled;
    this.settings = { ...this.settings, ...validateFaultPatch(patch) };
    if (wasStalled && !this.settings.stalled)
      for (const listener of [...this.stallClearedListeners]) listener();
  }

  clear(): void {
    this.set({ ...NO_FAULTS });
    this.scripted.clear();
  }

  get stalled(): boolean {
    return this.settings.stalled;
  }

  /** Call `listener` whenever `stalled` goes from true to false. */
  onStallCleared(listener: () => void): () => void {
    this.stallClearedListeners.add(listener);
    return () => this.stallClearedListeners.delete(listener);
  }

  /** Pick this request's fault (at most one). */
  decide(): FaultOutcome {
    const { dropRate, http5xxRate, malformedRate, retcodeErrorRate } = this.settings;
    if (dropRate > 0 && this.random.chance(dropRate)) return 'drop';
    if (http5xxRate > 0 && this.random.chance(http5xxRate)) return 'http5xx';
    if (malformedRate > 0 && this.random.chance(malformedRate)) return 'malformed';
    if (retcodeErrorRate > 0 && this.random.chance(retcodeErrorRate)) return 'retcode';
    return null;
  }

  /** Delay before answering: latency plus uniform jitter. */
  drawDelayMs(): number {
    const { latencyMs, jitterMs } = this.settings;
    return latencyMs + (jitterMs > 0 ? this.random.next() * jitterMs : 0);
  }

  /** A broken or wrong-typed body for a 200 answer. */
  pickMalformedBody(): string {
    return this.random.pick(MALFORMED_BODIES);
  }

  /** 502 or 503. */
  pickHttpStatus(): 502 | 503 {
    return this.random.chance(0.5) ? 502 : 503;
  }
}
