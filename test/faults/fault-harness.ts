/**
 * The whole supervisor core running against the simulator's fault injection, with what the
 * fault suite checks recorded on the way: every contract event (connection states with their
 * reasons), every request the core put on the wire (to prove no action went out twice), every
 * answer the simulator gave (its own request log: retcodes such as 000-007), the audit journal,
 * and any unhandled rejection or uncaught exception in the process. Timeouts are shortened
 * through the core's options so a fault and its recovery take seconds.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ConnectionState, JournalEntry } from '../../src/shared/domain';
import type { GatewayFetch } from '../../src/main/gateway';
import {
  JOURNAL_FILE_NAME,
  parseJournalText,
  type SupervisorCoreWithDiagnostics,
} from '../../src/main/supervisor';
import { createConsoleLogger, silentLogger } from '../../src/main/node/node-ports';
import type { EventRecorder } from '../support/core/event-recorder';
import { startCoreOnSimulator } from '../support/core/start-core-on-simulator';
import { pause, waitFor } from '../support/wait-for';
import type { RunningSimulator, SimulatorOptions } from '../../src/simulator';

/** Short limits: a 400 ms poll hold, an 800 ms request limit, a stall noticed after ~1 s. */
const FAST_CORE_OPTIONS = {
  pollHoldMs: 400,
  pollTimeoutMs: 1_500,
  requestTimeoutMs: 800,
  stallGraceMs: 600,
  backoffMs: [100, 200, 400],
  warmupMs: 200,
} as const;

export interface SentRequest {
  method: string;
  /** Path and query after the gateway base, e.g. `qualitycontrol/291/addsupervise/1001`. */
  path: string;
  at: number;
}

export interface FaultHarness {
  sim: RunningSimulator;
  core: SupervisorCoreWithDiagnostics;
  recorder: EventRecorder;
  sent: SentRequest[];
  /** The simulator's request log: `METHOD path logName outcome`. */
  gatewayLog: string[];
  /** Unhandled rejections and uncaught exceptions seen while the harness ran. */
  crashes: unknown[];
  signIn(): Promise<void>;
  /** Wait for a connection state after `since` (ms epoch); resolves with its time. */
  waitForPhase(phase: ConnectionState['phase'], since: number, timeoutMs?: number): Promise<number>;
  /** Connection states emitted after `since`. */
  statesSince(since: number): ConnectionState[];
  /** Force a center change and wait until a roster delta shows it: data is live. */
  expectLiveData(timeoutMs?: number): Promise<void>;
  /** Requests sent whose path matches. */
  requestsTo(pattern: RegExp): SentRequest[];
  /**
   * The next request matching `pattern` is delivered twice at once, as a retrying proxy would,
   * and the core gets the second answer (the gateway's 000-007 for a duplicate in flight).
   */
  duplicateNext(pattern: RegExp): void;
  /** The next `times` (default 1) requests matching `pattern` fail like a connection reset, without reaching the gateway. */
  failNext(pattern: RegExp, times?: number): void;
  journal(): JournalEntry[];
  close(): Promise<void>;
}

const GATEWAY_BASE = '/agentgateway/resource/';

/** Start a simulator and a signed-out core wired for fault tests. */
export async function startFaultHarness(
  options: { simulator?: SimulatorOptions } = {},
): Promise<FaultHarness> {
  const crashes: unknown[] = [];
  const onCrash = (error: unknown): void => void crashes.push(error);
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);
  const gatewayLog: string[] = [];
  const sent: SentRequest[] = [];
  const armed: { duplicate: RegExp | null; fail: RegExp | null; failTimes: number } = {
    duplicate: null,
    fail: null,
    failTimes: 0,
  };
  const recordSent =
    (inner: GatewayFetch): GatewayFetch =>
    async (url, init) => {
      const at = url.indexOf(GATEWAY_BASE);
      const requestPath = at >= 0 ? url.slice(at + GATEWAY_BASE.length) : url;
      sent.push({ method: init.method, path: requestPath, at: Date.now() });
      if (armed.fail?.test(requestPath)) {
        if (--armed.failTimes <= 0) armed.fail = null;
        throw Object.assign(new TypeError('fetch failed'), {
          cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
        });
      }
      if (armed.duplicate?.test(requestPath)) {
        armed.duplicate = null;
        const first = inner(url, init);
        const second = inner(url, init);
        void first.then((response) => response.text()).catch(() => undefined);
        return second;
      }
      return inner(url, init);
    };
  const fixture = await startCoreOnSimulator({
    simulator: {
      seed: 23,
      pollHoldMs: FAST_CORE_OPTIONS.pollHoldMs,
      log: (line) => void gatewayLog.push(line),
      ...options.simulator,
    },
    settings: { demoMode: false },
    wrapFetch: recordSent,
    ports: { logger: process.env.FAULT_DEBUG ? createConsoleLogger('debug') : silentLogger },
    supervisor: { ...FAST_CORE_OPTIONS, backoffMs: [...FAST_CORE_OPTIONS.backoffMs] },
  });
  const { sim, core, recorder, journalDir } = fixture;

  const harness: FaultHarness = {
    sim,
    core,
    recorder,
    sent,
    gatewayLog,
    crashes,
    async signIn() {
      await fixture.signIn();
      await recorder.waitFor('connection.changed', (state) => state.phase === 'live', 5_000);
      // Settled: the warm-up chose a mode and its subscription (beginmonitor) has gone through.
      await waitFor(
        () =>
          core.diagnostics().sync.mode !== 'warming' && core.diagnostics().sync.mode !== 'stopped',
        { what: 'the roster sync to choose a mode', intervalMs: 20 },
      );
      await pause(300);
      await harness.expectLiveData();
    },
    async waitForPhase(phase, since, timeoutMs = 6_000) {
      return (
        await recorder.waitFor(
          'connection.changed',
          (state) => state.phase === phase,
          timeoutMs,
          since,
        )
      ).at;
    },
    statesSince: (since) =>
      recorder
        .of('connection.changed')
        .filter((event) => event.at >= since)
        .map((event) => event.payload),
    async expectLiveData(timeoutMs = 5_000) {
      // In an active center the model may move the agent on before a snapshot sees the forced
      // state; each attempt uses another agent, so only a roster that stays stale fails.
      const deadline = Date.now() + timeoutMs;
      const tried = new Set<string>();
      let lastError: unknown = new Error('no attempt made');
      while (Date.now() < deadline) {
        const agents = sim.center
          .listAgents()
          .filter(
            (agent) =>
              !tried.has(agent.workNo) &&
              !sim.inspectors.some((account) => account.agentId === agent.workNo),
          );
        const agent =
          agents.find((entry) => entry.status === '4') ??
          agents.find((entry) => entry.status !== '8' && entry.status !== '2');
        if (!agent) break;
        tried.add(agent.workNo);
        const since = Date.now();
        sim.center.setAgentStatus(agent.workNo, '8');
        try {
          await recorder.waitFor(
            'roster.delta',
            (delta) =>
              delta.upserts.some((row) => row.workNo === agent.workNo && row.state === 'rest'),
            Math.max(1, Math.min(1_500, deadline - since)),
            since,
          );
          return;
        } catch (error) {
          lastError = error;
        }
      }
      throw lastError;
    },
    requestsTo: (pattern) => sent.filter((request) => pattern.test(request.path)),
    duplicateNext(pattern) {
      armed.duplicate = pattern;
    },
    failNext(pattern, times = 1) {
      armed.fail = pattern;
      armed.failTimes = times;
    },
    journal() {
      const file = path.join(journalDir, JOURNAL_FILE_NAME);
      return fs.existsSync(file) ? parseJournalText(fs.readFileSync(file, 'utf8')) : [];
    },
    async close() {
      await fixture.close();
      // Late rejections of the closing would still count: give them a turn before detaching.
      await pause(20);
      process.off('unhandledRejection', onCrash);
      process.off('uncaughtException', onCrash);
    },
  };
  return harness;
}
