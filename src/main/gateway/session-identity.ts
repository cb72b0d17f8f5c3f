/**
 * What identifies this client's session to the gateway: the GUID (newest `Set-GUID` wins) and
 * the cookies to replay. Builds the request headers once per change, not once per request.
 * An epoch counter lets late answers of an earlier session be ignored instead of resurrecting
 * a GUID that was cleared or replaced.
 */
import { SET_GUID_HEADER } from '../../shared/gateway-protocol/gateway-paths';
import type { GatewayResponseLike } from './gateway-types';
import { CookieJar, splitCombinedSetCookie } from './transport/cookie-jar';
import { parseSetGuid, sanitiseHeaderValue } from './transport/header-values';

const CONTENT_TYPE = 'application/json; charset=UTF-8';
const SET_GUID_LOWER = SET_GUID_HEADER.toLowerCase();

export class GatewaySession {
  private guid: string | null = null;
  private currentEpoch = 0;
  private readonly jar = new CookieJar();
  private authenticatedHeaders: Record<string, string> | null = null;
  private anonymousHeaders: Record<string, string> | null = null;
  private lastRawGuid: string | null = null;
  private lastParsedGuid: string | null = null;

  get hasGuid(): boolean {
    return this.guid !== null;
  }

  /** Changes whenever a session begins or is cleared. */
  get epoch(): number {
    return this.currentEpoch;
  }

  /** Headers for a call: with `Guid` unless anonymous (sign-in); `Cookie` when cookies are held. */
  headers(anonymous: boolean): Record<string, string> {
    if (anonymous) return (this.anonymousHeaders ??= this.buildHeaders(null));
    return (this.authenticatedHeaders ??= this.buildHeaders(this.guid));
  }

  /**
   * Takes `Set-Cookie` from any answer and, when `adoptGuid`, its `Set-GUID` — unless the
   * session changed since the request was sent. Returns the GUID the answer carried, if any.
   */
  absorbResponse(
    response: GatewayResponseLike,
    sentInEpoch: number,
    now: number,
    adoptGuid: boolean,
  ): string | null {
    const headers = response.headers;
    const rawGuid = headers.get(SET_GUID_LOWER);
    // Most answers repeat the same Set-GUID (or none): parse only what is new.
    if (rawGuid !== this.lastRawGuid) {
      this.lastRawGuid = rawGuid;
      this.lastParsedGuid = parseSetGuid(rawGuid);
    }
    const guid = this.lastParsedGuid;
    if (sentInEpoch !== this.currentEpoch) return guid;
    const cookieLines =
      typeof headers.getSetCookie === 'function'
        ? headers.getSetCookie()
        : splitSetCookie(headers.get('set-cookie'));
    if (cookieLines.length > 0 && this.jar.absorb(cookieLines, now)) this.invalidateHeaders();
    if (adoptGuid && guid !== null && guid !== this.guid) {
      this.guid = guid;
      this.authenticatedHeaders = null;
    }
    return guid;
  }

  /** Starts a new session with this GUID (after a successful sign-in). */
  begin(guid: string): void {
    this.guid = guid;
    this.currentEpoch++;
    this.authenticatedHeaders = null;
  }

  /** Adopts a GUID reported in a body (updateGuid) if the session is still the same. */
  adoptGuid(guid: string, sentInEpoch: number): void {
    if (sentInEpoch !== this.currentEpoch || guid === this.guid) return;
    this.guid = guid;
    this.authenticatedHeaders = null;
  }

  /** Forgets the GUID and the cookies; answers still in flight can no longer set them. */
  clear(): void {
    this.guid = null;
    this.jar.clear();
    this.currentEpoch++;
    this.invalidateHeaders();
  }

  private invalidateHeaders(): void {
    this.authenticatedHeaders = null;
    this.anonymousHeaders = null;
  }

  private buildHeaders(guid: string | null): Record<string, string> {
    const headers: Record<string, string> = { 'Content-Type': CONTENT_TYPE };
    if (guid !== null) headers.Guid = sanitiseHeaderValue(guid);
    const cookie = this.jar.header;
    if (cookie !== null) headers.Cookie = sanitiseHeaderValue(cookie);
    return headers;
  }
}

function splitSetCookie(combined: string | null): string[] {
  return combined === null || combined === '' ? [] : splitCombinedSetCookie(combined);
}
