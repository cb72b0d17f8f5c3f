/**
 * The cookies a gateway (or the NSLB in front of it) sets, replayed as one `Cookie` header on
 * every later call so requests stick to the node that owns the session. Only name=value pairs
 * matter: domain and path are those of the one gateway this client talks to.
 */
import { sanitiseHeaderValue } from './header-values';

/** RFC 6265 token characters allowed in a cookie name. */
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const MAX_COOKIES = 32;
const MAX_VALUE_LENGTH = 4096;

export class CookieJar {
  private readonly cookies = new Map<string, string>();
  private cachedHeader: string | null = null;
  private headerIsCurrent = true;

  /** The `Cookie` header value to send, or null when no cookie is held. */
  get header(): string | null {
    if (!this.headerIsCurrent) {
      this.cachedHeader =
        this.cookies.size === 0
          ? null
          : [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      this.headerIsCurrent = true;
    }
    return this.cachedHeader;
  }

  get size(): number {
    return this.cookies.size;
  }

  /** Takes in the `Set-Cookie` lines of a response; returns true when the jar changed. */
  absorb(setCookieLines: readonly string[], now: number): boolean {
    let changed = false;
    for (const line of setCookieLines) changed = this.absorbLine(line, now) || changed;
    if (changed) this.headerIsCurrent = false;
    return changed;
  }

  clear(): void {
    if (this.cookies.size === 0) return;
    this.cookies.clear();
    this.headerIsCurrent = false;
  }

  private absorbLine(line: string, now: number): boolean {
    const [pair = '', ...attributes] = line.split(';');
    const equals = pair.indexOf('=');
    if (equals <= 0) return false;
    const name = pair.slice(0, equals).trim();
    let value = sanitiseHeaderValue(pair.slice(equals + 1).trim());
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
      value = value.slice(1, -1);
    if (!COOKIE_NAME.test(name) || value.length > MAX_VALUE_LENGTH || /[\s,;\\]/.test(value))
      return false;
    if (isExpired(attributes, now)) return this.cookies.delete(name);
    if (this.cookies.get(name) === value) return false;
    if (!this.cookies.has(name) && this.cookies.size >= MAX_COOKIES) return false;
    this.cookies.set(name, value);
    return true;
  }
}

function isExpired(attributes: readonly string[], now: number): boolean {
  for (const attribute of attributes) {
    const equals = attribute.indexOf('=');
    if (equals < 0) continue;
    const key = attribute.slice(0, equals).trim().toLowerCase();
    const value = attribute.slice(equals + 1).trim();
    if (key === 'max-age' && /^-?\d+$/.test(value)) return Number(value) <= 0;
    if (key === 'expires') {
      const time = Date.parse(value);
      if (!Number.isNaN(time) && time <= now) return true;
    }
  }
  return false;
}

/**
 * Splits a combined `Set-Cookie` value (what `headers.get('set-cookie')` returns when the
 * transport has no `getSetCookie()`) into lines. A comma only separates cookies when a
 * `name=` follows it; commas inside `Expires=Wed, 21 Oct …` stay.
 */
export function splitCombinedSetCookie(combined: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let index = combined.indexOf(','); index >= 0; index = combined.indexOf(',', index + 1)) {
    if (/^\s*[!#$%&'*+\-.^_`|~0-9A-Za-z]+=/.test(combined.slice(index + 1, index + 130))) {
      lines.push(combined.slice(start, index).trim());
      start = index + 1;
    }
  }
  lines.push(combined.slice(start).trim());
  return lines.filter((line) => line.length > 0);
}
