/**
 * Records a global hotkey: focus it, press the keys, and the accelerator is proposed. Escape
 * cancels, Backspace alone removes the binding, Tab leaves without recording.
 */
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAccelerator, isMacPlatform } from '../../ui/format-accelerator';
import { readAccelerator } from './accelerator-from-event';

export interface HotkeyRecorderProps {
  /** What the button is for, e.g. "Listen". */
  actionLabel: string;
  accelerator: string | null;
  onRecord: (accelerator: string | null) => void;
  /** Shown when the pressed keys cannot be a hotkey. */
  onRejected: (reasonKey: string) => void;
  describedBy?: string;
  /** Locked by the administrator's policy: shown, not recordable. */
  disabled?: boolean;
}

/** A button that turns the next key press into an accelerator. */
export function HotkeyRecorder(props: HotkeyRecorderProps) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  const mac = isMacPlatform();

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>): void {
    if (!recording) return;
    if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) {
      setRecording(false);
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    const recorded = readAccelerator(event, mac);
    switch (recorded.kind) {
      case 'incomplete':
        return;
      case 'cancel':
        setRecording(false);
        return;
      case 'clear':
        setRecording(false);
        props.onRecord(null);
        return;
      case 'invalid':
        props.onRejected(`hotkeys.rejected.${recorded.reason}`);
        return;
      case 'accelerator':
        setRecording(false);
        props.onRecord(recorded.accelerator);
    }
  }

  const shown = props.accelerator
    ? formatAccelerator(props.accelerator, mac)
    : t('hotkeys.unbound');
  return (
    <button
      type="button"
      className={recording ? 'hotkey-recorder is-recording' : 'hotkey-recorder'}
      aria-label={
        recording
          ? t('hotkeys.recordingLabel', { action: props.actionLabel })
          : t('hotkeys.recordLabel', { action: props.actionLabel, keys: shown })
      }
      aria-describedby={props.describedBy}
      disabled={props.disabled}
      onClick={() => setRecording((current) => !current)}
      onKeyDown={onKeyDown}
      onBlur={() => setRecording(false)}
    >
      {recording ? t('hotkeys.pressKeys') : <kbd>{shown}</kbd>}
    </button>
  );
}
