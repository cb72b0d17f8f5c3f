import { describe, expect, it } from 'vitest';
import { GatewaySession } from './session-identity';
import type { GatewayResponseLike } from './gateway-types';

const NOW = Date.parse('2025-06-01T00:00:00Z');

function response(headers: Record<string, string>, setCookie?: string[]): GatewayResponseLike {
  const lower = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return {
    status: 200,
    headers: {
      get: (name) => lower[name.toLowerCase()] ?? null,
      ...(setCookie ? { getSetCookie: () => setCookie } : {}),
    },
    text: () => Promise.resolve('{}'),
  };
}

describe('GatewaySession', () => {
  it('builds headers with Guid and Cookie, anonymous ones without Guid', () => {
    const session = new GatewaySession();
    session.absorbResponse(response({}, ['route=a']), session.epoch, NOW, false);
    session.begin('guid-1');
    expect(session.headers(false)).toEqual({
      'Content-Type': 'application/json; charset=UTF-8',
      Guid: 'guid-1',
      Cookie: 'route=a',
    });
    expect(session.headers(true)).toEqual({
      'Content-Type': 'application/json; charset=UTF-8',
      Cookie: 'route=a',
    });
  });

  it('reuses the same header object until the GUID or the cookies change', () => {
    const session = new GatewaySession();
    session.begin('guid-1');
    const first = session.headers(false);
    session.absorbResponse(response({ 'Set-GUID': 'JSESSIONID=guid-1' }), session.epoch, NOW, true);
    expect(session.headers(false)).toBe(first);
    session.absorbResponse(response({ 'Set-GUID': 'JSESSIONID=guid-2' }), session.epoch, NOW, true);
    expect(session.headers(false)).not.toBe(first);
    expect(session.headers(false).Guid).toBe('guid-2');
  });

  it('can never put CR/LF or a header separator into Guid or Cookie', () => {
    const session = new GatewaySession();
    session.begin('start');
    session.absorbResponse(
      response({ 'Set-GUID': 'JSESSIONID=abc\r\nX-Evil: 1' }, ['route=ok\r\nX-Evil: 2']),
      session.epoch,
      NOW,
      true,
    );
    const headers = session.headers(false);
    for (const value of Object.values(headers))
      expect([...value].some((char) => char.charCodeAt(0) < 0x20)).toBe(false);
    expect(headers.Guid).not.toContain(':');
  });

  it('reads a combined set-cookie header when the transport has no getSetCookie()', () => {
    const session = new GatewaySession();
    session.begin('g');
    session.absorbResponse(
      response({ 'set-cookie': 'a=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT, b=2' }),
      session.epoch,
      NOW,
      true,
    );
    expect(session.headers(false).Cookie).toBe('a=1; b=2');
  });

  it('ignores answers to requests sent before the session changed', () => {
    const session = new GatewaySession();
    session.begin('first');
    const oldEpoch = session.epoch;
    session.begin('second');
    expect(
      session.absorbResponse(
        response({ 'Set-GUID': 'JSESSIONID=stale' }, ['x=1']),
        oldEpoch,
        NOW,
        true,
      ),
    ).toBe('stale');
    expect(session.headers(false)).toEqual({
      'Content-Type': 'application/json; charset=UTF-8',
      Guid: 'second',
    });
    session.adoptGuid('stale', oldEpoch);
    expect(session.headers(false).Guid).toBe('second');
  });

  it('does not adopt the GUID of an anonymous (sign-in) answer by itself', () => {
    const session = new GatewaySession();
    expect(
      session.absorbResponse(response({ 'Set-GUID': 'JSESSIONID=new' }), session.epoch, NOW, false),
    ).toBe('new');
    expect(session.hasGuid).toBe(false);
  });

  it('clear() forgets everything', () => {
    const session = new GatewaySession();
    session.absorbResponse(response({}, ['a=1']), session.epoch, NOW, false);
    session.begin('g');
    session.clear();
    expect(session.hasGuid).toBe(false);
    expect(session.headers(false)).toEqual({ 'Content-Type': 'application/json; charset=UTF-8' });
  });
});
