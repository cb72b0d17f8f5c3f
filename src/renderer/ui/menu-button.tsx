/**
 * A button that opens a menu of actions, after the WAI-ARIA APG "menu button" pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/menu-button/): Enter, Space or ArrowDown open it on
 * the first item, ArrowUp on the last; arrows, Home, End and a typed letter move between items;
 * Escape and Tab close it back on the button. An item that cannot act stays focusable
 * (aria-disabled) and shows why under its label; the reason is read with the label, as its
 * name is its visible text (WCAG 2.5.3), so the why is heard where it is seen.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Icon, type IconName } from './icons';

export interface MenuItemSpec {
  /** Stable key, also the item's `data-item`. */
  id: string;
  label: string;
  icon?: IconName;
  /** Danger: acts on a live call or an agent's state; drawn apart and in the alert colour. */
  tone?: 'default' | 'danger';
  /** Why the item cannot act now; null when it can. */
  disabledReason: string | null;
  /** Draw a separator above this item (a new section). */
  startsSection?: boolean;
  onSelect: () => void;
}

export interface MenuButtonProps {
  label: string;
  items: readonly MenuItemSpec[];
  /** A line under the menu (status, not an action); it describes the menu. */
  footer?: ReactNode;
  className?: string;
}

/** Index of the next item whose label starts with `letter`, after `from` (wrapping). */
export function findByLetter(
  labels: readonly string[],
  letter: string,
  from: number,
  locale?: string,
): number {
  const wanted = letter.toLocaleLowerCase(locale);
  for (let step = 1; step <= labels.length; step += 1) {
    const index = (from + step) % labels.length;
    if ((labels[index] ?? '').trim().toLocaleLowerCase(locale).startsWith(wanted)) return index;
  }
  return -1;
}

export function MenuButton(props: MenuButtonProps) {
  const menuId = useId();
  const footerId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const count = props.items.length;

  // Focus follows the active item while the menu is open.
  useEffect(() => {
    if (open) menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [open, active]);

  // A press anywhere else closes the menu (focus stays where the press put it).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent): void => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function openAt(index: number): void {
    setActive(Math.max(0, Math.min(count - 1, index)));
    setOpen(true);
  }

  function close(): void {
    setOpen(false);
    button.current?.focus();
  }

  function choose(spec: MenuItemSpec): void {
    if (spec.disabledReason !== null) return;
    // Focus goes back to the button first, so a dialog the item opens returns focus there.
    close();
    spec.onSelect();
  }

  function onButtonKeyDown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 0 : count - 1);
    }
  }

  function onMenuKeyDown(event: KeyboardEvent): void {
    const moves: Record<string, () => number> = {
      ArrowDown: () => (active + 1) % count,
      ArrowUp: () => (active - 1 + count) % count,
      Home: () => 0,
      End: () => count - 1,
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setActive(move());
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const spec = props.items[active];
      if (spec) choose(spec);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const index = findByLetter(
        props.items.map((spec) => spec.label),
        event.key,
        active,
      );
      if (index >= 0) setActive(index);
    }
  }

  return (
    <span ref={root} className={['menu-button', props.className].filter(Boolean).join(' ')}>
      <button
        ref={button}
        type="button"
        className="button action-button menu-button-trigger"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? setOpen(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        <span>{props.label}</span>
        <Icon name="chevron" className="menu-caret" />
      </button>
      {open ? (
        <div className="menu-popup">
          <ul
            ref={menu}
            id={menuId}
            role="menu"
            aria-label={props.label}
            aria-describedby={props.footer ? footerId : undefined}
            className="menu"
            onKeyDown={onMenuKeyDown}
            onBlur={(event) => {
              // Focus taken elsewhere (a global shortcut, a click): the menu goes with it.
              if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
            }}
          >
            {props.items.map((spec, index) => {
              const disabled = spec.disabledReason !== null;
              const classes = ['menu-item', `tone-${spec.tone ?? 'default'}`];
              if (spec.startsSection) classes.push('starts-section');
              return (
                <li
                  key={spec.id}
                  role="menuitem"
                  tabIndex={-1}
                  className={classes.join(' ')}
                  data-item={spec.id}
                  aria-disabled={disabled || undefined}
                  onPointerMove={() => setActive(index)}
                  onClick={() => choose(spec)}
                >
                  {spec.icon ? <Icon name={spec.icon} /> : <span className="icon" aria-hidden />}
                  <span className="menu-item-text">
                    <span className="menu-item-label">{spec.label}</span>
                    {disabled ? (
                      <>
                        {' '}
                        <span className="menu-item-reason">{spec.disabledReason}</span>
                      </>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ul>
          {props.footer ? (
            <p id={footerId} className="menu-footer">
              {props.footer}
            </p>
          ) : null}
        </div>
      ) : null}
    </span>
  );
}
