/**
 * The shape of the stored settings document: the user's Settings plus the main window's last
 * position. The Settings defaults themselves are src/shared/settings-defaults.ts.
 */
import type { Settings } from '../../../shared/domain';
import { createDefaultSettings } from '../../../shared/settings-defaults';

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
export type SettingsDocument = Settings & {
  window: WindowState;
  /** Policy presets already applied once (key → fingerprint of the value; src/main/policy). */
  policyPresets: Record<string, string>;
};

/** A fresh settings document (default settings plus window state). */
export function createDefaultDocument(): SettingsDocument {
  return {
    ...createDefaultSettings(),
    window: { bounds: null, maximized: false },
    policyPresets: {},
  };
}
