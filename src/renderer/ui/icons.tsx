/**
 * The small icon set the console uses, drawn on a 16×16 grid. Icons are decoration next to a
 * word (state, action), so they are hidden from assistive technology.
 */
import type { ReactElement } from 'react';

const stroke = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.7,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

const ICONS = {
  idle: <circle cx="8" cy="8" r="4.5" />,
  talking: (
    <path d="M4.4 1.6 6.5 3.7c.4.4.4 1 0 1.4L5.4 6.2a8.6 8.6 0 0 0 4.4 4.4l1.1-1.1c.4-.4 1-.4 1.4 0l2.1 2.1c.4.4.4 1 0 1.4l-1.1 1.1c-.9.9-2.3 1.1-3.4.5a15.5 15.5 0 0 1-6.6-6.6c-.6-1.1-.4-2.5.5-3.4L3 1.6c.4-.4 1-.4 1.4 0Z" />
  ),
  ringing: (
    <path d="M8 1.5a1 1 0 0 1 1 1v.6A4 4 0 0 1 12 7v3l1.3 1.6a.5.5 0 0 1-.4.9H3.1a.5.5 0 0 1-.4-.9L4 10V7a4 4 0 0 1 3-3.9v-.6a1 1 0 0 1 1-1ZM6.4 13.5h3.2a1.6 1.6 0 0 1-3.2 0Z" />
  ),
  busy: (
    <path fillRule="evenodd" d="M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13ZM4.5 7v2h7V7h-7Z" />
  ),
  'wrap-up': (
    <path d="M11.3 1.8a1.2 1.2 0 0 1 1.7 0l1.2 1.2a1.2 1.2 0 0 1 0 1.7l-8.6 8.6L2 14l.7-3.6 8.6-8.6Z" />
  ),
  rest: <path d="M4 3h3v10H4V3Zm5 0h3v10H9V3Z" />,
  'signed-out': (
    <g {...stroke}>
      <path d="M5 4.3a5 5 0 1 0 6 0" />
      <path d="M8 2v5.5" />
    </g>
  ),
  unknown: (
    <g {...stroke}>
      <circle cx="8" cy="8" r="6" />
      <path d="M6.4 6.3a1.7 1.7 0 1 1 2.4 1.5c-.5.3-.8.6-.8 1.2v.3" />
      <path d="M8 11.4v.1" />
    </g>
  ),
  alert: (
    <path
      fillRule="evenodd"
      d="M8 1.2 15.3 14H.7L8 1.2ZM7.1 6v4.2h1.8V6H7.1Zm0 5.2V13h1.8v-1.8H7.1Z"
    />
  ),
  headset: (
    <path d="M8 2a6 6 0 0 0-6 6v4a2 2 0 0 0 2 2h1.5V9H3.6V8a4.4 4.4 0 0 1 8.8 0v1h-1.9v5H12a2 2 0 0 0 2-2V8a6 6 0 0 0-6-6Z" />
  ),
  mic: (
    <g {...stroke}>
      <rect x="5.6" y="1.8" width="4.8" height="8" rx="2.4" />
      <path d="M3.4 7.6a4.6 4.6 0 0 0 9.2 0M8 12.2v2" />
    </g>
  ),
  whisper: (
    <g {...stroke}>
      <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" />
    </g>
  ),
  switch: (
    <g {...stroke}>
      <path d="M3 5h9.5l-2.5-2.5M13 11H3.5L6 13.5" />
    </g>
  ),
  intercept: (
    <g {...stroke}>
      <path d="M8 2v7.5M4.8 6.5 8 9.7l3.2-3.2M2.5 13.5h11" />
    </g>
  ),
  cancel: (
    <g {...stroke}>
      <path d="m4 4 8 8M12 4l-8 8" />
    </g>
  ),
  chevron: (
    <g {...stroke}>
      <path d="m6 3.5 4.5 4.5L6 12.5" />
    </g>
  ),
  sortAsc: <path d="M8 3.5 12.5 10h-9L8 3.5Z" />,
  sortDesc: <path d="M8 12.5 3.5 6h9L8 12.5Z" />,
  search: (
    <g {...stroke}>
      <circle cx="7" cy="7" r="4.3" />
      <path d="m10.3 10.3 3.4 3.4" />
    </g>
  ),
  settings: (
    <g {...stroke}>
      <path d="M2.5 4h6M11.5 4h2M2.5 8h2M7.5 8h6M2.5 12h7M12.5 12h1" />
      <circle cx="10" cy="4" r="1.5" />
      <circle cx="6" cy="8" r="1.5" />
      <circle cx="11" cy="12" r="1.5" />
    </g>
  ),
  journal: (
    <g {...stroke}>
      <path d="M3.5 2.5h9v11h-9zM6 5.5h4M6 8h4M6 10.5h2.5" />
    </g>
  ),
  signOut: (
    <g {...stroke}>
      <path d="M9.5 2.5h-6v11h6M7 8h7M11.5 5.5 14 8l-2.5 2.5" />
    </g>
  ),
  reconnect: (
    <g {...stroke}>
      <path d="M13 8a5 5 0 1 1-1.5-3.6M13 2.5v3h-3" />
    </g>
  ),
  clock: (
    <g {...stroke}>
      <circle cx="8" cy="8" r="6" />
      <path d="M8 4.5V8l2.3 1.5" />
    </g>
  ),
  queue: (
    <g {...stroke}>
      <path d="M2.5 4h11M2.5 8h11M2.5 12h7" />
    </g>
  ),
  check: (
    <g {...stroke}>
      <path d="m3 8.5 3.2 3L13 4.5" />
    </g>
  ),
  info: (
    <g {...stroke}>
      <circle cx="8" cy="8" r="6" />
      <path d="M8 7.3v4M8 4.8v.1" />
    </g>
  ),
  lock: (
    <g {...stroke}>
      <rect x="3.5" y="7" width="9" height="6.5" rx="1.2" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </g>
  ),
} satisfies Record<string, ReactElement>;

export type IconName = keyof typeof ICONS;

/** An inline SVG icon (decorative; pair it with a visible or screen-reader word). */
export function Icon(props: { name: IconName; className?: string }) {
  return renderIcon(props.name, props.className);
}

/**
 * The same icon as plain elements, for markup rendered many times at once (agent rows): a
 * function call, not a component, so it adds no component to React's tree.
 */
export function renderIcon(name: IconName, className?: string): ReactElement {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="currentColor"
      aria-hidden="true"
      focusable="false"
    >
      {ICONS[name]}
    </svg>
  );
}
