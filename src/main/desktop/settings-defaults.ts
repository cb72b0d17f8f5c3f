/**
 * What a fresh install starts with, and the shape of the stored document: the user's Settings
 * plus the main window's last position.
 */
import type { HotkeyAction, Settings } from '../../shared/domain';

export const SETTINGS_SCHEMA_VERSION = 1;

export interface WindowBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Last normal (not maximized) bounds; null until the window has been shown once. */
  bounds: WindowBounds | null;
  maximized: boolean;
}

/** The whole settings file. Never holds a password or GUID (the schema has no place for one). */
export type SettingsDocument = Settings & { window: WindowState };

export const DEFAULT_HOTKEYS: Record<HotkeyAction, string> = {
  listen: 'CommandOrControl+Alt+L',
  barge: 'CommandOrControl+Alt+B',
  whisper: 'CommandOrControl+Alt+W',
  switch: 'CommandOrControl+Alt+S',
  intercept: 'CommandOrControl+Alt+I',
  cancel: 'CommandOrControl+Alt+X',
};

/** Default settings: no gateway configured yet, so the app opens on the demo contact center. */
export function createDefaultSettings(): Settings {
  return {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    gateway: { url: '', inspectorId: '', phoneNumber: '', caPem: null, pinSha256: null },
    hotkeys: { ...DEFAULT_HOTKEYS },
    // Thresholds a typical inbound service level uses; each one is a setting.
    alerts: { longCallSeconds: 600, longBusySeconds: 300, longWrapUpSeconds: 120, longQueueWaitSeconds: 60 },
    language: 'en',
    theme: 'system',
    demoMode: true,
    confirmDestructive: true,
  };
}

/** A fresh settings document (settings plus window state). */
export function createDefaultDocument(): SettingsDocument {
  return { ...createDefaultSettings(), window: { bounds: null, maximized: false } };
}
