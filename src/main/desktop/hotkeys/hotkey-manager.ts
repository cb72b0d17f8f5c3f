/**
 * Global hotkeys through Electron's globalShortcut, implementing the core's HotkeyPort.
 * A new binding is registered before the old one is released, so a failed change leaves the
 * working shortcut in place; a key another application owns is reported as `conflict`.
 */
import type { GlobalShortcut } from 'electron';
import { HOTKEY_ACTIONS, type HotkeyAction, type HotkeyStatus } from '../../../shared/domain';
import type { HotkeyPort } from '../../supervisor/ports';
import { chordIdentity, parseAccelerator } from './accelerator-grammar';

export type GlobalShortcutLike = Pick<GlobalShortcut, 'register' | 'unregister'>;

export interface HotkeyManagerOptions {
  globalShortcut: GlobalShortcutLike;
  /** Called when a registered hotkey fires. */
  onTrigger: (action: HotkeyAction) => void;
  /** Decides which spellings name the same key chord. Default: process.platform. */
  platform?: NodeJS.Platform;
}

export interface HotkeyManager extends HotkeyPort {
  /** Bind every action from settings (start-up); returns the status of every action. */
  applyBindings(bindings: Record<HotkeyAction, string | null>): HotkeyStatus[];
  /** Release every shortcut this manager registered (quit). */
  unregisterAll(): void;
}

/** What is true for one action right now. */
interface Binding {
  accelerator: string | null;
  /** Canonical spelling of the registered accelerator; null when nothing is registered. */
  registered: string | null;
  /** Physical key chord of the registered accelerator (duplicate detection). */
  chord: string | null;
  status: HotkeyStatus['status'];
  detail: string | null;
}

type Attempt =
  | { ok: true; normalized: string; chord: string }
  | { ok: false; status: 'conflict' | 'invalid'; detail: string };

/** Create the hotkey manager; nothing is registered until applyBindings or set. */
export function createHotkeyManager(options: HotkeyManagerOptions): HotkeyManager {
  const { globalShortcut, onTrigger } = options;
  const platform = options.platform ?? process.platform;
  const bindings = new Map<HotkeyAction, Binding>(
    HOTKEY_ACTIONS.map((action) => [
      action,
      { accelerator: null, registered: null, chord: null, status: 'unbound', detail: null },
    ]),
  );
  const bindingOf = (action: HotkeyAction): Binding => bindings.get(action) as Binding;

  const list = (): HotkeyStatus[] =>
    HOTKEY_ACTIONS.map((action) => {
      const { accelerator, status, detail } = bindingOf(action);
      return { action, accelerator, status, detail };
    });

  /** Register `accelerator` for `action` without touching the action's current binding. */
  const tryRegister = (action: HotkeyAction, accelerator: string): Attempt => {
    const parsed = parseAccelerator(accelerator);
    if (!parsed.ok) return { ok: false, status: 'invalid', detail: parsed.reason };
    const normalized = parsed.value.normalized;
    const chord = chordIdentity(parsed.value, platform);
    const current = bindingOf(action);
    // The same chord in another spelling is already this action's: Electron would refuse it twice.
    if (current.registered !== null && current.chord === chord)
      return { ok: true, normalized: current.registered, chord };
    const owner = HOTKEY_ACTIONS.find(
      (other) => other !== action && bindingOf(other).chord === chord,
    );
    if (owner)
      return {
        ok: false,
        status: 'conflict',
        detail: `${normalized} is already the ${owner} hotkey.`,
      };
    let registered: boolean;
    try {
      registered = globalShortcut.register(normalized, () => onTrigger(action));
    } catch (error) {
      // Electron throws on accelerators it cannot parse even when our grammar accepted them.
      return {
        ok: false,
        status: 'invalid',
        detail: `Electron refused ${normalized}: ${String(error)}`,
      };
    }
    if (!registered)
      return {
        ok: false,
        status: 'conflict',
        detail: `${normalized} is taken by another application.`,
      };
    return { ok: true, normalized, chord };
  };

  const release = (normalized: string | null): void => {
    if (normalized !== null) globalShortcut.unregister(normalized);
  };

  const set = (action: HotkeyAction, accelerator: string | null): HotkeyStatus[] => {
    const current = bindingOf(action);
    if (accelerator === null) {
      release(current.registered);
      bindings.set(action, {
        accelerator: null,
        registered: null,
        chord: null,
        status: 'unbound',
        detail: null,
      });
      return list();
    }
    const attempt = tryRegister(action, accelerator);
    if (attempt.ok) {
      if (current.registered !== attempt.normalized) release(current.registered);
      bindings.set(action, {
        accelerator: attempt.normalized,
        registered: attempt.normalized,
        chord: attempt.chord,
        status: 'registered',
        detail: null,
      });
      return list();
    }
    if (current.registered === null) {
      // Nothing works for this action yet: remember the wanted binding with its problem.
      bindings.set(action, {
        accelerator,
        registered: null,
        chord: null,
        status: attempt.status,
        detail: attempt.detail,
      });
      return list();
    }
    // Roll back: the working binding stays; only this answer reports the failed attempt.
    return list().map((status) =>
      status.action === action
        ? {
            action,
            accelerator,
            status: attempt.status,
            detail: `${attempt.detail} ${current.registered} stays active.`,
          }
        : status,
    );
  };

  return {
    set,
    list,
    applyBindings(wanted) {
      // Release bindings that change first so two actions can swap keys at start-up.
      for (const action of HOTKEY_ACTIONS) {
        const binding = bindingOf(action);
        const next = wanted[action] === null ? null : parseAccelerator(wanted[action] ?? '');
        const nextNormalized = next && next.ok ? next.value.normalized : null;
        if (binding.registered !== null && binding.registered !== nextNormalized) {
          release(binding.registered);
          bindings.set(action, {
            accelerator: null,
            registered: null,
            chord: null,
            status: 'unbound',
            detail: null,
          });
        }
      }
      for (const action of HOTKEY_ACTIONS) set(action, wanted[action] ?? null);
      return list();
    },
    unregisterAll() {
      for (const action of HOTKEY_ACTIONS) {
        const binding = bindingOf(action);
        release(binding.registered);
        bindings.set(action, { ...binding, registered: null, chord: null });
      }
    },
  };
}
