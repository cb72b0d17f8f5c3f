/**
 * Text from the gateway (agent names, call ids, skill names) shown outside the page — in the
 * tray menu and tooltip, desktop notifications, native dialogs — where no layout contains it:
 * control characters (a newline forges a second menu line), bidi overrides and isolates (which
 * reverse what follows: "‮gnitsil" reads as a different word), zero-width characters and line
 * separators are replaced, and the length is capped.
 */

/** C0/C1 controls, bidi marks/embeddings/overrides/isolates, zero-width, line/paragraph separators. */
const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** Default caps: a label (an agent's name) and a sentence (a notification body). */
export const DISPLAY_LIMITS = Object.freeze({ label: 64, sentence: 256 });

/** `text` safe to show in a native surface: unsafe characters become spaces, then it is capped. */
export function toDisplayText(text: string, maxLength: number = DISPLAY_LIMITS.label): string {
  const cleaned = text.replace(UNSAFE_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  const characters = Array.from(cleaned);
  return characters.length <= maxLength
    ? cleaned
    : `${characters.slice(0, Math.max(0, maxLength - 1)).join('')}…`;
}

/**
 * `text` of several lines (a tooltip) safe for a native surface: each line made safe (and capped)
 * as by toDisplayText, the line breaks kept, the whole capped at `maxLength` characters.
 */
export function toDisplayLines(text: string, maxLength: number): string {
  const joined = text
    .split('\n')
    .map((line) => toDisplayText(line, maxLength))
    .filter((line) => line !== '')
    .join('\n');
  const characters = Array.from(joined);
  return characters.length <= maxLength
    ? joined
    : `${characters.slice(0, Math.max(0, maxLength - 1)).join('')}…`;
}

/** A menu label as Windows shows it: `&` marks an access key there, so a literal one is `&&`. */
export function escapeMenuLabel(label: string, platform: string): string {
  return platform === 'win32' ? label.replace(/&/g, '&&') : label;
}
