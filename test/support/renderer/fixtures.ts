/**
 * Test data for renderer tests: agents, settings and snapshots with sensible defaults.
 */
import type {
  AgentRow,
  AppSnapshot,
  HotkeyStatus,
  Settings,
  SkillQueueView,
} from '../../../src/shared/domain';
import { HOTKEY_ACTIONS } from '../../../src/shared/domain';
import { createDefaultSettings } from '../../../src/shared/settings-defaults';
import { IDLE_INSPECTION } from '../../../src/shared/inspection-vocabulary';

/** An agent row; `workNo` decides the defaults of the other fields. */
export function makeAgent(workNo: string, overrides: Partial<AgentRow> = {}): AgentRow {
  return {
    workNo,
    name: `Agent ${workNo}`,
    groupName: 'Sales',
    skills: ['1'],
    state: 'idle',
    stateSince: Date.now() - 30_000,
    stateSinceExact: true,
    call: null,
    inspectedBy: null,
    dataAt: Date.now(),
    alerts: [],
    ...overrides,
  };
}

/** `count` agents numbered from 1001. */
export function makeAgents(
  count: number,
  overrides: (index: number) => Partial<AgentRow> = () => ({}),
): AgentRow[] {
  return Array.from({ length: count }, (_, index) =>
    makeAgent(String(1001 + index), overrides(index)),
  );
}

export function makeSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    ...createDefaultSettings(),
    // The thresholds the tests' wording assumes (10 min call, 15 min busy).
    alerts: {
      longCallSeconds: 600,
      longBusySeconds: 900,
      longWrapUpSeconds: 180,
      longQueueWaitSeconds: 60,
    },
    demoMode: false,
    gateway: {
      url: 'https://gw.example:8043',
      inspectorId: '9001',
      phoneNumber: '70001',
      caPem: null,
      pinSha256: null,
      allowInsecureHttp: false,
      maxAnswerMiB: 8,
    },
    ...overrides,
  };
}

export function makeHotkeys(
  bound: Partial<Record<HotkeyStatus['action'], string>> = {},
): HotkeyStatus[] {
  return HOTKEY_ACTIONS.map((action) => {
    const accelerator = bound[action] ?? null;
    return { action, accelerator, status: accelerator ? 'registered' : 'unbound', detail: null };
  });
}

export function makeQueue(
  skillId: number,
  overrides: Partial<SkillQueueView> = {},
): SkillQueueView {
  return {
    skillId,
    name: `Skill ${skillId}`,
    waitingCount: 0,
    longestWaitSince: null,
    calls: null,
    dataAt: Date.now(),
    ...overrides,
  };
}

/** A snapshot of a live, signed-in inspector 9001 with the given agents. */
export function makeSnapshot(overrides: Partial<AppSnapshot> = {}): AppSnapshot {
  return {
    connection: {
      phase: 'live',
      gatewayUrl: 'https://gw.example:8043',
      inspectorId: '9001',
      demo: false,
      lastDataAt: Date.now(),
    },
    inspection: IDLE_INSPECTION,
    roster: makeAgents(5),
    rosterVersion: 1,
    selectedWorkNo: null,
    queues: [],
    alerts: [],
    settings: makeSettings(),
    hotkeys: makeHotkeys(),
    passwordRemembered: false,
    keychainAvailable: true,
    startupNotices: [],
    ...overrides,
  };
}
