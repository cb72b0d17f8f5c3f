/**
 * A button that stays focusable when it cannot act, so the reason can be read: it uses
 * aria-disabled instead of disabled, and its tooltip (shown on hover and focus) is also its
 * accessible description, with the hotkey when one is bound.
 */
import { useId, type ReactNode } from 'react';
import { useFirstPaintDone } from './first-paint';
import { Icon, type IconName } from './icons';

export interface ActionButtonProps {
  label: string;
  /** Longer name for assistive technology; it must start with the visible label. */
  accessibleLabel?: string;
  onPress: () => void;
  icon?: IconName;
  /** Why the action is not possible now; null when it is. */
  disabledReason: string | null;
  /** Hotkey as shown to the user, e.g. "Ctrl+Alt+L". */
  hotkey?: string | null;
  hotkeyLabel?: string;
  tone?: 'default' | 'primary' | 'danger';
  busy?: boolean;
  children?: ReactNode;
}

/** An action with its hotkey and, when unavailable, the reason why. */
export function ActionButton(props: ActionButtonProps) {
  const tipId = useId();
  // Tooltips are hidden until hover or focus: they join the page right after its first paint.
  const tipsMounted = useFirstPaintDone();
  const disabled = props.disabledReason !== null;
  const tip = tipsMounted
    ? [
        props.disabledReason,
        props.hotkey ? `${props.hotkeyLabel ?? ''} ${props.hotkey}`.trim() : null,
      ]
        .filter(Boolean)
        .join(' · ')
    : '';
  return (
    <span className="action">
      <button
        type="button"
        className={`button action-button tone-${props.tone ?? 'default'}`}
        aria-label={props.accessibleLabel}
        aria-disabled={disabled || undefined}
        aria-describedby={tip ? tipId : undefined}
        aria-busy={props.busy || undefined}
        onClick={() => {
          if (!disabled) props.onPress();
        }}
      >
        {props.icon ? <Icon name={props.icon} /> : null}
        <span>{props.label}</span>
        {props.hotkey ? (
          <kbd className="hotkey" aria-hidden="true">
            {props.hotkey}
          </kbd>
        ) : null}
      </button>
      {tip ? (
        <span id={tipId} role="tooltip" className="tooltip">
          {tip}
        </span>
      ) : null}
    </span>
  );
}
