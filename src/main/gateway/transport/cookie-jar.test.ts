import { describe, expect, it } from 'vitest';
import { CookieJar, splitCombinedSetCookie } from './cookie-jar';

const NOW = Date.parse('2025-06-01T00:00:00Z');

describe('CookieJar', () => {
  it('starts empty and replays name=value pairs in arrival order', () => {
    const jar = new CookieJar();
    expect(jar.header).toBeNull();
    expect(jar.absorb(['NSLB_ROUTE=node1; Path=/; HttpOnly', 'JSESSIONID=abc; Secure'], NOW)).toBe(
      true,
    );
    expect(jar.header).toBe('NSLB_ROUTE=node1; JSESSIONID=abc');
  });

  it('replaces a cookie of the same name and reports no change for the same value', () => {
    const jar = new CookieJar();
    jar.absorb(['route=a'], NOW);
    expect(jar.absorb(['route=a; Path=/'], NOW)).toBe(false);
    expect(jar.absorb(['route=b'], NOW)).toBe(true);
    expect(jar.header).toBe('route=b');
  });

  it('deletes cookies expired by Max-Age or Expires', () => {
    const jar = new CookieJar();
    jar.absorb(['a=1', 'b=2', 'c=3'], NOW);
    jar.absorb(['a=; Max-Age=0', 'b=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT'], NOW);
    expect(jar.header).toBe('c=3');
    jar.absorb(['c=4; Expires=Wed, 01 Jan 2031 00:00:00 GMT'], NOW);
    expect(jar.header).toBe('c=4');
  });

  it('strips quotes and refuses names or values that could inject', () => {
    const jar = new CookieJar();
    jar.absorb(['q="quoted"', 'bad name=1', '=novalue', 'x=a b', 'y=a,b', 'z=ok\r\n'], NOW);
    expect(jar.header).toBe('q=quoted; z=ok');
    expect(jar.header).not.toMatch(/[\r\n]/);
  });

  it('caches the header string until the jar changes, and clears', () => {
    const jar = new CookieJar();
    jar.absorb(['a=1'], NOW);
    const first = jar.header;
    expect(jar.header).toBe(first);
    jar.clear();
    expect(jar.header).toBeNull();
    expect(jar.size).toBe(0);
  });

  it('holds at most 32 cookies', () => {
    const jar = new CookieJar();
    jar.absorb(
      Array.from({ length: 40 }, (_, index) => `c${index}=v`),
      NOW,
    );
    expect(jar.size).toBe(32);
  });
});

describe('splitCombinedSetCookie', () => {
  it('splits on commas that start a new cookie but not inside Expires dates', () => {
    expect(
      splitCombinedSetCookie(
        'a=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/, b=2, c=3; HttpOnly',
      ),
    ).toEqual(['a=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/', 'b=2', 'c=3; HttpOnly']);
  });
  it('handles a single cookie and an empty string', () => {
    expect(splitCombinedSetCookie('a=1')).toEqual(['a=1']);
    expect(splitCombinedSetCookie('')).toEqual([]);
  });
});
