/**
 * A scripted stand-in for the core that feeds the renderer a roster of N agents and a steady
 * stream of state changes at a chosen rate, through the same WebSocket binding. Used only to
 * measure the renderer itself (first render of 10,000 rows, frame times at 1,000 changes/s),
 * where the real core and simulator would measure themselves too. It serves the few commands
 * the screen sends on its own and refuses the rest.
 */
import { createDefaultCoachingSettings } from '../../../src/shared/settings-defaults';
import type {
  CommandName,
  CommandResults,
  EventName,
  EventPayloads,
  Result,
  ValidCommandArgs,
} from '../../../src/shared/ipc/contract';
import type {
  AgentRow,
  AgentState,
  AppSnapshot,
  RosterSnapshot,
  Settings,
} from '../../../src/shared/domain';
import type { EventListener } from '../../../src/main/supervisor/supervisor-api';
import { createDefaultInsightSettings } from '../../../src/shared/insight-settings';
import { CENTER_KEY } from '../../../src/main/supervisor/stats/history-ring';
import {
  buildShiftRing,
  snapshotFromRing,
  type ShiftSkill,
} from '../../support/insight/shift-history';
import type { ContractCore } from '../../support/ws-contract-server';
import { screenAnswerOf } from '../../support/renderer/screen-answer';
import { IDLE_INSPECTION } from '../../../src/shared/inspection-vocabulary';
import { composeRosterSnapshot } from '../../../src/shared/roster-view/presorted-roster';

export interface ScriptedCore extends ContractCore {
  readonly rows: ReadonlyMap<string, AgentRow>;
  /** Emit `changesPerSecond` agent changes in batches every `tickMs`; returns stop. */
  startFeed(changesPerSecond: number, tickMs?: number): () => void;
  /** Changes emitted so far. */
  changesSent(): number;
  /** Replace the whole roster (as after a re-sign-in) with agents numbered from `firstWorkNo`. */
  resetRoster(firstWorkNo: number): void;
}

const STATE_WEIGHTS: ReadonlyArray<[AgentState, number]> = [
  ['talking', 45],
  ['idle', 20],
  ['busy', 10],
  ['wrap-up', 8],
  ['rest', 5],
  ['ringing', 2],
  ['signed-out', 10],
];
const GROUPS = ['Sales', 'Support', 'Billing', 'VIP', 'Retention', 'Tech L1', 'Tech L2', 'Claims'];

/** A small deterministic generator, so runs are comparable. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SETTINGS: Settings = {
  schemaVersion: 2,
  gateway: {
    url: 'https://127.0.0.1:8043',
    inspectorId: '9001',
    phoneNumber: '70001',
    caPem: null,
    pinSha256: null,
    allowInsecureHttp: false,
    maxAnswerMiB: 8,
  },
  hotkeys: {
    listen: null,
    barge: null,
    whisper: null,
    switch: null,
    intercept: null,
    cancel: null,
    'stop-follow': null,
  },
  alerts: {
    longCallSeconds: 600,
    longBusySeconds: 900,
    longWrapUpSeconds: 180,
    longQueueWaitSeconds: 60,
  },
  language: 'en',
  theme: 'light',
  demoMode: false,
  confirmDestructive: true,
  coaching: createDefaultCoachingSettings(),
  insight: createDefaultInsightSettings(),
  updates: { channel: 'stable' },
};

/** A core with `agents` generated agents. */
export function createScriptedCore(options: {
  agents: number;
  seed?: number;
  /** Serve a 12-hour shift of these skills (charts, sparklines) and live figures every 5 s. */
  insight?: { skills: ShiftSkill[] };
}): ScriptedCore {
  const shiftEnd = Date.now();
  const ring = options.insight ? buildShiftRing(options.insight.skills, shiftEnd, 11.98) : null;
  const shiftStartedAt = ring?.firstAt ?? shiftEnd;
  const random = createRandom(options.seed ?? 7);
  const rows = new Map<string, AgentRow>();
  const listeners = new Set<EventListener>();
  let version = 1;
  let sent = 0;
  let selected: string | null = null;

  const pickState = (): AgentState => {
    let roll = random() * 100;
    for (const [state, weight] of STATE_WEIGHTS) {
      roll -= weight;
      if (roll < 0) return state;
    }
    return 'idle';
  };

  const makeRow = (workNo: string, name: string, group: string, now: number): AgentRow => {
    const state = pickState();
    const since = now - Math.floor(random() * 20 * 60_000);
    const alerts: AgentRow['alerts'] = [];
    if (state === 'talking' && now - since > 600_000) alerts.push('long-call');
    if (state === 'busy' && now - since > 900_000) alerts.push('long-busy');
    return {
      workNo,
      name,
      groupName: group,
      skills: ['1'],
      state,
      stateSince: state === 'signed-out' ? null : since,
      call:
        state === 'talking'
          ? {
              callId: `c${workNo}-${sent}`,
              caller: `138${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
              since,
            }
          : null,
      inspectedBy: null,
      dataAt: now,
      alerts,
    };
  };

  const fillRows = (firstWorkNo: number): void => {
    const now = Date.now();
    rows.clear();
    for (let index = 0; index < options.agents; index += 1) {
      const workNo = String(firstWorkNo + index);
      rows.set(
        workNo,
        makeRow(workNo, `Agent ${workNo}`, GROUPS[index % GROUPS.length] as string, now),
      );
    }
  };
  fillRows(10001);

  function emit<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    for (const listener of listeners) listener(name, payload);
  }

  /** The live figures: the last sample of the shift, moved to now. */
  function insightSnapshot() {
    if (!ring || !options.insight) return null;
    return snapshotFromRing(ring, options.insight.skills, Date.now(), shiftStartedAt);
  }
  if (ring) {
    // Live figures every 5 s, like the core (charts and sparklines append them).
    const timer = setInterval(() => {
      const snapshot = insightSnapshot();
      if (snapshot) emit('stats.changed', snapshot);
    }, 5_000);
    timer.unref();
  }

  /** The agents as the real core sends them (a big list presorted). */
  function rosterSnapshot(): RosterSnapshot {
    return composeRosterSnapshot([...rows.values()], version, Date.now(), SETTINGS.alerts);
  }

  function snapshot(): AppSnapshot {
    return {
      connection: {
        phase: 'live',
        gatewayUrl: SETTINGS.gateway.url,
        inspectorId: '9001',
        demo: true,
        lastDataAt: Date.now(),
      },
      inspection: { ...IDLE_INSPECTION },
      ...rosterSnapshot(),
      selectedWorkNo: selected,
      queues: (options.insight?.skills ?? []).map((skill) => ({
        skillId: skill.id,
        name: skill.name,
        waitingCount: 2,
        longestWaitSince: Date.now() - 30_000,
        calls: null,
        dataAt: Date.now(),
        signedIn: 10,
        available: 3,
      })),
      alerts: [],
      settings: SETTINGS,
      hotkeys: [],
      passwordRemembered: false,
      keychainAvailable: true,
      startupNotices: [],
    };
  }

  const ok = <T>(value: T): Result<T> => ({ ok: true, value });

  return {
    rows,
    changesSent: () => sent,
    resetRoster(firstWorkNo) {
      fillRows(firstWorkNo);
      version += 1;
      emit('roster.delta', { version, reset: true, upserts: [...rows.values()], removed: [] });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async execute<N extends CommandName>(
      name: N,
      args: ValidCommandArgs<N>,
    ): Promise<Result<CommandResults[N]>> {
      let result: Result<unknown>;
      switch (name) {
        case 'app.getSnapshot':
          result = ok(snapshot());
          break;
        case 'app.getScreen':
          result = ok(
            screenAnswerOf(snapshot(), (args as ValidCommandArgs<'app.getScreen'>).agentsUpTo),
          );
          break;
        case 'roster.getSnapshot':
          result = ok(rosterSnapshot());
          break;
        case 'agents.select':
          selected = (args as ValidCommandArgs<'agents.select'>).workNo;
          emit('selection.changed', { workNo: selected });
          result = ok(null);
          break;
        case 'queues.watch':
          result = ok(null);
          break;
        case 'journal.list':
          result = ok([]);
          break;
        case 'stats.getSnapshot':
          result = ok(insightSnapshot());
          break;
        case 'stats.history': {
          const { skillId, sinceMs } = args as ValidCommandArgs<'stats.history'>;
          result = ring
            ? ok(
                ring.read(
                  skillId ?? CENTER_KEY,
                  sinceMs === undefined ? undefined : Date.now() - sinceMs,
                ),
              )
            : ok(null);
          break;
        }
        default:
          result = {
            ok: false,
            error: {
              code: 'forbidden-state',
              message: 'The scripted feed serves measurements only.',
              messageZh: '脚本数据源仅用于测量。',
              retcode: null,
              field: null,
            },
          };
      }
      return result as Result<CommandResults[N]>;
    },
    startFeed(changesPerSecond, tickMs = 20) {
      const ids = [...rows.keys()];
      let carry = 0;
      const timer = setInterval(() => {
        carry += (changesPerSecond * tickMs) / 1000;
        const count = Math.floor(carry);
        carry -= count;
        if (count === 0) return;
        const now = Date.now();
        const upserts: AgentRow[] = [];
        for (let index = 0; index < count; index += 1) {
          const workNo = ids[Math.floor(random() * ids.length)] as string;
          const before = rows.get(workNo) as AgentRow;
          const row = { ...makeRow(workNo, before.name, before.groupName, now), stateSince: now };
          if (row.call) row.call = { ...row.call, since: now };
          row.alerts = [];
          rows.set(workNo, row);
          upserts.push(row);
        }
        version += 1;
        sent += count;
        emit('roster.delta', { version, reset: false, upserts, removed: [] });
      }, tickMs);
      return () => clearInterval(timer);
    },
  };
}
