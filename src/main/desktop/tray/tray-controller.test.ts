import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FakeMenu,
  FakeTray,
  type FakeMenuItem,
  nativeImage,
  resetElectronFake,
  type FakeNativeImage,
} from '../../../../test/support/fakes/electron';
import type { CommandError, EventName } from '../../../shared/ipc/contract';
import type { ConnectionState, InspectionView } from '../../../shared/domain';
import type { EventListener, SupervisorCore, TrayModel } from '../../supervisor/supervisor-api';
import { createTrayController, type TrayControllerOptions } from './tray-controller';
import { IDLE_INSPECTION } from '../../../shared/inspection-vocabulary';

const NOW = 1_700_000_000_000;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const ICO = Buffer.from([0, 0, 1, 0, 4, 0]);
const idle: InspectionView = { ...IDLE_INSPECTION };
const live: ConnectionState = {
  phase: 'live',
  gatewayUrl: 'https://gw',
  inspectorId: '900',
  demo: true,
  lastDataAt: NOW,
};

const agent = (
  workNo: string,
  name: string,
  callSeconds: number,
): NonNullable<TrayModel['focusAgent']> =>
  ({
    workNo,
    name,
    call: { callId: `c-${workNo}`, caller: '555', since: NOW - callSeconds * 1000 },
    stateSince: NOW - callSeconds * 1000,
    stateSinceExact: true,
  }) as unknown as NonNullable<TrayModel['focusAgent']>;

describe('tray controller', () => {
  let iconFolder: string;
  let model: TrayModel;
  let executed: Array<{ name: string; args: unknown }>;
  let answer: { ok: true; value: null } | { ok: false; error: CommandError };
  let listeners: Set<EventListener>;
  let shown: number;
  let composed: Array<{ workNo: string; shown: number; selected: string[] }>;
  let quits: number;
  let failures: CommandError[];
  let confirmAnswer: boolean;

  beforeEach(() => {
    resetElectronFake();
    iconFolder = mkdtempSync(join(tmpdir(), 'cc-tray-'));
    for (const state of ['idle', 'inspecting', 'reconnecting', 'signed-out']) {
      writeFileSync(join(iconFolder, `${state}.png`), PNG);
      writeFileSync(join(iconFolder, `${state}.ico`), ICO);
      writeFileSync(join(iconFolder, `${state}Template.png`), PNG);
    }
    model = {
      connection: { phase: 'signed-out' },
      inspection: idle,
      focusAgent: null,
      longestCalls: [],
    };
    executed = [];
    answer = { ok: true, value: null };
    listeners = new Set();
    shown = 0;
    composed = [];
    quits = 0;
    failures = [];
    confirmAnswer = true;
    time = NOW;
  });
  afterEach(() => rmSync(iconFolder, { recursive: true, force: true }));

  const core: Pick<SupervisorCore, 'execute' | 'subscribe' | 'trayModel'> = {
    execute: (async (name: string, args: unknown) => {
      executed.push({ name, args });
      return answer;
    }) as SupervisorCore['execute'],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    trayModel: () => model,
  };
  const emit = (name: EventName) => {
    for (const listener of listeners)
      (listener as (name: EventName, payload: unknown) => void)(name, {});
  };
  let time = NOW;
  const create = (platform: NodeJS.Platform = 'win32') =>
    createTrayController({
      Tray: FakeTray as unknown as TrayControllerOptions['Tray'],
      Menu: FakeMenu as unknown as TrayControllerOptions['Menu'],
      nativeImage: nativeImage as unknown as TrayControllerOptions['nativeImage'],
      core,
      iconFolder,
      platform,
      language: () => 'en',
      showWindow: () => (shown += 1),
      // What the window had been asked by then: the agent selected, the window shown.
      composeNote: (workNo) =>
        composed.push({ workNo, shown, selected: executed.map((call) => call.name) }),
      quit: () => (quits += 1),
      confirmIntercept: async () => confirmAnswer,
      onFailure: (error) => failures.push(error),
      now: () => time,
    });
  const tray = (): FakeTray => FakeTray.instances[0] as FakeTray;
  const menu = (): FakeMenu => tray().contextMenu as FakeMenu;
  const iconPath = (): string | null => (tray().image as FakeNativeImage).path;
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('shows the signed-out icon, tooltip and menu, and follows the core when it goes live', () => {
    create();
    expect(FakeTray.instances).toHaveLength(1);
    expect(iconPath()).toBe(join(iconFolder, 'signed-out.ico'));
    expect((tray().image as FakeNativeImage).isEmpty()).toBe(false);
    expect(tray().tooltip).toBe('CC Inspector — Signed out');
    expect(menu().find('Sign in…')).toBeDefined();
    model = { ...model, connection: live };
    emit('connection.changed');
    expect(iconPath()).toBe(join(iconFolder, 'idle.ico'));
    expect(tray().tooltip).toBe('CC Inspector — Idle · inspector 900 (demo)');
    expect(menu().find('Sign out')).toBeDefined();
  });

  it('uses template images on macOS', () => {
    create('darwin');
    expect(iconPath()).toBe(join(iconFolder, 'signed-outTemplate.png'));
    expect((tray().image as FakeNativeImage).isTemplateImage()).toBe(true);
  });

  it('runs a quick action through the same contract command as the window, marked as from the tray', async () => {
    model = {
      ...model,
      connection: live,
      focusAgent: {
        workNo: '1001',
        name: 'Alice',
        groupName: '',
        skills: [],
        state: 'talking',
        stateSince: NOW,
        call: null,
        inspectedBy: null,
        dataAt: NOW,
        alerts: [],
      },
    };
    create();
    menu().click('Barge in');
    await settle();
    expect(executed).toEqual([
      { name: 'inspection.barge', args: { workNo: '1001', source: 'tray' } },
    ]);
  });

  // Issue 9: an agent's name is the gateway's text; on Windows `&` marks an access key.
  it('escapes & in Windows menu labels and caps the tooltip', () => {
    const agent = {
      workNo: '1001',
      name: 'Tom & Jerry',
      groupName: '',
      skills: [],
      state: 'talking' as const,
      stateSince: NOW,
      call: null,
      inspectedBy: null,
      dataAt: NOW,
      alerts: [],
    };
    model = {
      connection: live,
      inspection: { ...idle, mode: 'listening', targetWorkNo: '1001', since: NOW },
      focusAgent: { ...agent, name: `Tom & Jerry ${'y'.repeat(200)}` },
      longestCalls: [agent],
    };
    create('win32');
    expect(menu().find('Agent 1001 Tom && Jerry ' + 'y'.repeat(200))).toBeDefined();
    const longest = menu().find('Longest calls')?.submenu as FakeMenuItem[];
    expect(longest[0]?.label).toMatch(/^1001 Tom && Jerry/);
    expect(Array.from(tray().tooltip ?? '').length).toBeLessThanOrEqual(127);
    expect(tray().tooltip?.endsWith('…')).toBe(true);
    tray().destroy();
    resetElectronFake();
    create('darwin');
    expect(menu().find('Agent 1001 Tom & Jerry ' + 'y'.repeat(200))).toBeDefined();
  });

  it('tells the user when a tray action fails', async () => {
    model = {
      ...model,
      connection: live,
      inspection: { ...idle, mode: 'listening', targetWorkNo: '1001', since: NOW },
    };
    answer = {
      ok: false,
      error: {
        code: 'gateway',
        message: 'refused',
        messageZh: '拒绝',
        retcode: '100-007',
        field: null,
      },
    };
    create();
    menu().click('Leave the call');
    await settle();
    expect(executed).toEqual([{ name: 'inspection.cancel', args: { source: 'tray' } }]);
    expect(failures).toEqual([answer.ok ? null : answer.error]);
  });

  it('asks before intercepting and does nothing when the user declines', async () => {
    model = {
      ...model,
      connection: live,
      inspection: { ...idle, mode: 'listening', targetWorkNo: '1001', since: NOW },
    };
    create();
    confirmAnswer = false;
    menu().click('Intercept (take over the call)');
    await settle();
    expect(executed).toEqual([]);
    confirmAnswer = true;
    menu().click('Intercept (take over the call)');
    await settle();
    expect(executed).toEqual([{ name: 'inspection.intercept', args: { source: 'tray' } }]);
  });

  it('"Write a note…" selects the agent, shows the window and opens its note composer there', async () => {
    model = { ...model, connection: live, focusAgent: agent('1001', 'Alice', 30) };
    create();
    menu().click('Note to 1001 Alice', 'Write a note…');
    await settle();
    expect(executed).toEqual([{ name: 'agents.select', args: { workNo: '1001' } }]);
    expect(composed).toEqual([{ workNo: '1001', shown: 1, selected: ['agents.select'] }]);
  });

  it('opens the window, the logs folder and quits', async () => {
    create();
    menu().click('Open CC Inspector');
    menu().click('Sign in…');
    menu().click('Open logs folder');
    menu().click('Quit CC Inspector');
    await settle();
    expect(shown).toBe(2);
    expect(quits).toBe(1);
    expect(executed).toEqual([{ name: 'app.openLogsFolder', args: {} }]);
    tray().emit('click');
    expect(shown).toBe(3);
  });

  it('refreshes on roster changes at most every two seconds, rebuilding the menu only when it changed', () => {
    model = { ...model, connection: live };
    const controller = create();
    const first = menu();
    emit('roster.delta');
    // Same content: the shown menu is kept (no rebuild, no flicker, nothing closed).
    expect(menu()).toBe(first);
    model = { ...model, focusAgent: agent('1001', 'Alice', 30) };
    emit('roster.delta');
    expect(menu()).toBe(first);
    time += 2_000;
    emit('roster.delta');
    expect(menu()).not.toBe(first);
    expect(menu().find('Agent 1001 Alice')).toBeDefined();
    expect(controller.menuBuilds()).toBe(2);
  });

  it('keeps running times out of the menu: they tick in the tooltip, the menu stays', () => {
    model = {
      ...model,
      connection: live,
      inspection: { ...idle, mode: 'listening', targetWorkNo: '1001', since: NOW - 5_000 },
      longestCalls: [agent('1002', 'Bob', 754)],
    };
    const controller = create();
    const first = menu();
    expect(tray().tooltip).toBe(
      'CC Inspector — Listening to 1001 · 00:05\nLongest call: 1002 Bob — 12:34',
    );
    for (let tick = 0; tick < 10; tick += 1) {
      time += 5_000;
      controller.refresh();
    }
    expect(tray().tooltip).toMatch(/· 00:55\nLongest call: 1002 Bob — 13:24$/);
    expect(menu()).toBe(first);
    expect(controller.menuBuilds()).toBe(1);
    expect(JSON.stringify(first.items)).not.toMatch(/\d\d:\d\d/);
  });

  it('never replaces the menu while it is shown, and applies the change when it closes', () => {
    // macOS closes a shown tray menu when it is replaced (electron/electron#4801, #10951).
    model = { ...model, connection: live };
    create('darwin');
    const shownMenu = menu();
    shownMenu.open();
    model = {
      ...model,
      inspection: { ...idle, mode: 'listening', targetWorkNo: '1001', since: NOW },
    };
    emit('inspection.changed');
    expect(tray().contextMenus).toEqual([shownMenu]);
    expect(iconPath()).toBe(join(iconFolder, 'inspectingTemplate.png'));
    expect(tray().tooltip).toMatch(/Listening to 1001/);
    shownMenu.close();
    expect(menu()).not.toBe(shownMenu);
    expect(menu().find('Leave the call')).toBeDefined();
    // Opened and closed again with nothing new: nothing is rebuilt.
    const current = menu();
    current.open();
    current.close();
    expect(menu()).toBe(current);
  });

  it('dispose removes the tray and stops listening', () => {
    const controller = create();
    controller.dispose();
    expect(tray().isDestroyed()).toBe(true);
    expect(listeners.size).toBe(0);
  });
});
