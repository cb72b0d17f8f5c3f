/**
 * Header hygiene: whatever the client puts into a request header passes through here, so a
 * hostile or broken value (CR/LF, NUL, other control characters) can never split a header.
 */
import { SET_GUID_PREFIX } from '../../../shared/gateway-protocol/gateway-paths';

// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL_CHARACTERS = /[\x00-\x1f\x7f]/g;
// eslint-disable-next-line no-control-regex -- see above
const HAS_CONTROL_CHARACTER = /[\x00-\x1f\x7f]/;

/** Removes CR, LF and every other control character from a header value. */
export function sanitiseHeaderValue(value: string): string {
  // Testing first keeps the common (clean) case free of a new string.
  return HAS_CONTROL_CHARACTER.test(value) ? value.replace(CONTROL_CHARACTERS, '') : value;
}

/**
 * Extracts the GUID from a `Set-GUID` header (`JSESSIONID=<guid>`), or null when the header
 * carries nothing usable. Attributes after `;` are ignored; like Huawei's demos, characters
 * that have no place in a GUID (control characters, whitespace, `:`, `=`, `,`, `;`) are dropped.
 */
export function parseSetGuid(header: string | null): string | null {
  if (header === null) return null;
  let value = header.trim();
  const semicolon = value.indexOf(';');
  if (semicolon >= 0) value = value.slice(0, semicolon);
  if (value.toUpperCase().startsWith(SET_GUID_PREFIX.toUpperCase()))
    value = value.slice(SET_GUID_PREFIX.length);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  value = value.replace(/[\x00-\x20\x7f:=,;"]/g, '');
  return value.length > 0 && value.length <= 512 ? value : null;
}
