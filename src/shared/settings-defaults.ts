/**
 * The product's default settings — the single truth for the supervisor core, its Node settings
 * stores and the desktop settings file. Pure data: a fresh install opens on the demo contact
 * center with the six default hotkeys of its platform bound.
 */
import type { AlertThresholds, HotkeyAction, Settings } from './domain';
import type { CoachingSettings } from './coaching';
import { createDefaultInsightSettings } from './insight-settings';

/** Version of the settings document this build writes. */
export const SETTINGS_SCHEMA_VERSION = 2;

/** Default cap of one gateway answer (MiB) and the bounds a setting may take. */
export const DEFAULT_MAX_ANSWER_MIB = 8;
export const MAX_ANSWER_MIB_RANGE = Object.freeze({ min: 1, max: 256 });

/** Thresholds a typical inbound service level uses; each one is a setting. */
export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = Object.freeze({
  longCallSeconds: 600,
  longBusySeconds: 300,
  longWrapUpSeconds: 120,
  longQueueWaitSeconds: 60,
});

/**
 * Default hotkeys per platform, chosen to collide with nothing common (docs/decisions/desktop.md,
 * "Default hotkeys"; the collision tables are in settings-defaults.test.ts):
 * - Windows reads Ctrl+Alt as AltGr, so Ctrl+Alt(+Shift)+character would swallow ł, ś, €, @ on
 *   non-US layouts: Ctrl+Alt with F5–F10, keys that type nothing on any layout.
 * - Linux desktops bind Ctrl+Alt+letter (L locks KDE, Xfce and Cinnamon; T opens a terminal):
 *   Ctrl+Alt+Shift+letter, which none of them uses.
 * - macOS apps put ⌘⌥letter in their menus (⌘⌥I, ⌘⌥L, ⌘⌥W), which a global shortcut would take
 *   from them silently: ⌃⌥⌘+letter, which menus and the system leave free.
 */
export const DEFAULT_HOTKEYS_BY_PLATFORM: Readonly<
  Record<'win32' | 'darwin' | 'linux', Readonly<Record<HotkeyAction, string>>>
> = Object.freeze({
  win32: Object.freeze({
    listen: 'Control+Alt+F5',
    barge: 'Control+Alt+F6',
    whisper: 'Control+Alt+F7',
    switch: 'Control+Alt+F8',
    intercept: 'Control+Alt+F9',
    cancel: 'Control+Alt+F10',
    'stop-follow': 'Control+Alt+F11',
  }),
  darwin: Object.freeze({
    listen: 'Control+Alt+Command+L',
    barge: 'Control+Alt+Command+B',
    whisper: 'Control+Alt+Command+W',
    switch: 'Control+Alt+Command+S',
    intercept: 'Control+Alt+Command+I',
    cancel: 'Control+Alt+Command+X',
    'stop-follow': 'Control+Alt+Command+F',
  }),
  linux: Object.freeze({
    listen: 'Control+Alt+Shift+L',
    barge: 'Control+Alt+Shift+B',
    whisper: 'Control+Alt+Shift+W',
    switch: 'Control+Alt+Shift+S',
    intercept: 'Control+Alt+Shift+I',
    cancel: 'Control+Alt+Shift+X',
    'stop-follow': 'Control+Alt+Shift+F',
  }),
});

/** The default hotkeys of `platform` (a Node `process.platform`); other Unixes get Linux's. */
export function defaultHotkeysFor(platform: string): Readonly<Record<HotkeyAction, string>> {
  return platform === 'win32' || platform === 'darwin'
    ? DEFAULT_HOTKEYS_BY_PLATFORM[platform]
    : DEFAULT_HOTKEYS_BY_PLATFORM.linux;
}

/** The platform this code runs on: Node's in main and the CLI, the browser's in the renderer. */
export function hostPlatform(): string {
  const node = (globalThis as { process?: { platform?: string } }).process?.platform;
  if (typeof node === 'string') return node;
  const browser = (globalThis as { navigator?: { platform?: string } }).navigator?.platform ?? '';
  if (/^Mac|iPhone|iPad/.test(browser)) return 'darwin';
  return /^Win/.test(browser) ? 'win32' : 'linux';
}

/** The default hotkeys of the platform this runs on. */
export const DEFAULT_HOTKEYS: Readonly<Record<HotkeyAction, string>> =
  defaultHotkeysFor(hostPlatform());

/**
 * Coaching defaults: 90 days of records, an 8-hour shift, a few templates and queries a
 * supervisor starts from, one five-item scorecard, the sampler off until switched on.
 */
export function createDefaultCoachingSettings(): CoachingSettings {
  return {
    retentionDays: 90,
    shiftHours: 8,
    noteTemplates: [
      {
        id: 'wrap-up',
        name: 'Finish wrap-up',
        text: 'Please finish your wrap-up. 请尽快完成话后处理。',
      },
      { id: 'break', name: 'Take your break', text: 'Please take your break now. 请现在休息。' },
      {
        id: 'call-me',
        name: 'Call me',
        text: 'Please call me when you are free. 空闲时请联系我。',
      },
    ],
    savedQueries: [
      {
        id: 'resting-10',
        name: 'Resting > 10 min',
        states: ['rest'],
        minMinutes: 10,
        skillId: null,
        group: null,
      },
      {
        id: 'wrap-up-2',
        name: 'Wrap-up > 2 min',
        states: ['wrap-up'],
        minMinutes: 2,
        skillId: null,
        group: null,
      },
    ],
    scorecardForms: [
      {
        id: 'call-quality',
        name: 'Call quality 通话质量',
        maxScore: 5,
        items: [
          { id: 'greeting', label: 'Greeting 问候' },
          { id: 'identity', label: 'Identity check 身份核实' },
          { id: 'need', label: 'Understanding the need 理解需求' },
          { id: 'resolution', label: 'Resolution 解决问题' },
          { id: 'closing', label: 'Closing 结束语' },
        ],
      },
    ],
    sampler: {
      enabled: false,
      onePerAgentPerShift: true,
      preferCallSeconds: 360,
      skillIds: [],
      autoJoin: false,
      minGapSeconds: 60,
    },
    follow: { calls: 3, minutes: 30 },
  };
}

/** Fresh default settings (a new object each call): no gateway yet, so demo mode is on. */
export function createDefaultSettings(platform: string = hostPlatform()): Settings {
  return {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    gateway: {
      url: '',
      inspectorId: '',
      phoneNumber: '',
      caPem: null,
      pinSha256: null,
      allowInsecureHttp: false,
      maxAnswerMiB: DEFAULT_MAX_ANSWER_MIB,
    },
    hotkeys: { ...defaultHotkeysFor(platform) },
    alerts: { ...DEFAULT_ALERT_THRESHOLDS },
    language: 'en',
    theme: 'system',
    demoMode: true,
    confirmDestructive: true,
    coaching: createDefaultCoachingSettings(),
    insight: createDefaultInsightSettings(),
  };
}
