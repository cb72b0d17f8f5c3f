/**
 * Session behaviour over real HTTP: GUID adoption and rotation, cookie replay, joined
 * identical calls, sign-in/sign-out exclusion, and what is (not) logged.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GatewayClient } from './gateway-client';
import {
  okReply,
  retcodeReply,
  type StubHandler,
} from '../../../test/support/gateway/stub-gateway-server';
import {
  createClientFixture,
  FIRST_GUID,
  PASSWORD,
  singleHeader,
  type ClientFixture,
} from '../../../test/support/gateway/client-fixtures';
import { rejectionOf } from '../../../test/support/gateway/gateway-error-capture';

let fixture: ClientFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

describe('GUID handling', () => {
  it('adopts a rotated GUID from a poll answer for every later call (AUTHMODE 2)', async () => {
    const handler: StubHandler = (request) =>
      request.path.endsWith('/agentevent/291')
        ? {
            body: {
              message: '',
              retcode: '0',
              event: { eventType: 'AgentState_Ready', workNo: '291', content: null },
            },
            headers: { 'Set-GUID': 'JSESSIONID=second.AgentGateway1' },
          }
        : okReply();
    fixture = await createClientFixture({ handler });
    const event = await fixture.client.pollEvent();
    expect(event?.eventType).toBe('AgentState_Ready');
    await fixture.client.listen('101');
    const [poll, listen] = fixture.requestsAfterSignIn();
    expect(singleHeader(poll!, 'guid')).toBe(FIRST_GUID);
    expect(singleHeader(listen!, 'guid')).toBe('second.AgentGateway1');
  });

  it('adopts Set-GUID from any answer, even a failed one', async () => {
    let calls = 0;
    fixture = await createClientFixture({
      handler: () =>
        calls++ === 0
          ? {
              body: { retcode: '900-005', message: '' },
              headers: { 'Set-GUID': 'JSESSIONID=third' },
            }
          : okReply(),
    });
    await expect(fixture.client.insert('101')).rejects.toMatchObject({ retcode: '900-005' });
    await fixture.client.insert('101');
    expect(singleHeader(fixture.requestsAfterSignIn()[1]!, 'guid')).toBe('third');
  });

  it('refreshGuid adopts result.guid', async () => {
    fixture = await createClientFixture({
      handler: (request) =>
        request.path.endsWith('/updateGuid')
          ? okReply({ guid: 'refreshed.AgentGateway0' })
          : okReply(),
    });
    await fixture.client.refreshGuid();
    await fixture.client.cancel('101');
    expect(singleHeader(fixture.requestsAfterSignIn()[1]!, 'guid')).toBe('refreshed.AgentGateway0');
  });

  it('a sign-in answer without Set-GUID is malformed and starts no session', async () => {
    fixture = await createClientFixture({ signIn: false });
    fixture.stub.setHandler(() => okReply({ workno: '291' }));
    const error = await rejectionOf(
      fixture.client.signIn({ password: PASSWORD, phoneNumber: '70001' }),
    );
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/Set-GUID/);
    expect(fixture.client.hasSession).toBe(false);
  });

  it('refuses calls before sign-in without touching the network', async () => {
    fixture = await createClientFixture({ signIn: false });
    const error = await rejectionOf(fixture.client.listen('101'));
    expect(error).toMatchObject({
      kind: 'retcode',
      retcode: '100-006',
      needsSignIn: true,
      interfaceName: 'addSupervise',
    });
    await expect(fixture.client.pollEvent()).rejects.toMatchObject({ needsSignIn: true });
    expect(fixture.stub.requests).toEqual([]);
  });

  it('clearSession forgets GUID and cookies, and a late answer cannot bring the GUID back', async () => {
    let releasePoll: (() => void) | null = null;
    fixture = await createClientFixture({
      handler: (request) =>
        request.path.endsWith('/agentevent/291')
          ? new Promise((resolve) => {
              releasePoll = () =>
                resolve({
                  body: { retcode: '0', message: '' },
                  headers: { 'Set-GUID': 'JSESSIONID=late', 'Set-Cookie': 'late=1' },
                });
            })
          : okReply(),
    });
    const poll = fixture.client.pollEvent();
    await vi.waitFor(() => expect(releasePoll).not.toBeNull());
    fixture.client.clearSession();
    expect(fixture.client.hasSession).toBe(false);
    releasePoll!();
    await expect(poll).resolves.toBeNull();
    expect(fixture.client.hasSession).toBe(false);
    await fixture.client.signIn({ password: PASSWORD, phoneNumber: '70001' });
    const signIn = fixture.stub.requests.at(-1)!;
    expect(singleHeader(signIn, 'cookie')).toBeUndefined();
  });
});

describe('cookies', () => {
  it('replays sign-in cookies and takes in later Set-Cookie updates and deletions', async () => {
    let calls = 0;
    fixture = await createClientFixture({
      handler: () => {
        calls++;
        if (calls === 1)
          return okReply({}, { 'Set-Cookie': ['NSLB_ROUTE=node1; Path=/', 'extra=x'] });
        if (calls === 2) return okReply({}, { 'Set-Cookie': 'lang=; Max-Age=0' });
        return okReply();
      },
    });
    await fixture.client.forceBusy('101');
    await fixture.client.forceBusy('102');
    await fixture.client.forceBusy('103');
    const cookies = fixture.requestsAfterSignIn().map((request) => singleHeader(request, 'cookie'));
    expect(cookies).toEqual([
      'NSLB_ROUTE=node0; lang=en',
      'NSLB_ROUTE=node1; lang=en; extra=x',
      'NSLB_ROUTE=node1; extra=x',
    ]);
  });
});

describe('identical calls in flight', () => {
  it('joins a second identical call instead of sending it (no 000-007)', async () => {
    fixture = await createClientFixture({ handler: () => ({ ...okReply(), delayMs: 50 }) });
    const { client } = fixture;
    const first = client.listen('101');
    const second = client.listen('101');
    const other = client.listen('102');
    await Promise.all([first, second, other]);
    const urls = fixture.requestsAfterSignIn().map((request) => request.url);
    expect(urls.filter((url) => url.endsWith('/addsupervise/101'))).toHaveLength(1);
    expect(urls.filter((url) => url.endsWith('/addsupervise/102'))).toHaveLength(1);
    await client.listen('101');
    expect(fixture.requestsAfterSignIn()).toHaveLength(3);
  });

  it('joined callers share the failure too', async () => {
    fixture = await createClientFixture({
      handler: () => ({ ...retcodeReply('900-003'), delayMs: 30 }),
    });
    const results = await Promise.allSettled([
      fixture.client.insert('101'),
      fixture.client.insert('101'),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(fixture.requestsAfterSignIn()).toHaveLength(1);
  });

  it('never has two polls in flight', async () => {
    fixture = await createClientFixture({
      handler: () => ({ body: { retcode: '0', message: '' }, delayMs: 40 }),
    });
    await Promise.all([
      fixture.client.pollEvent(),
      fixture.client.pollEvent(),
      fixture.client.pollEvent(),
    ]);
    expect(fixture.requestsAfterSignIn()).toHaveLength(1);
  });
});

describe('sign-in and sign-out', () => {
  it('a sign-out while the sign-in is pending waits for it and uses the new GUID', async () => {
    fixture = await createClientFixture({ signIn: false });
    const { stub, client } = fixture;
    stub.setHandler((request) =>
      request.method === 'PUT'
        ? { ...okReply({}, { 'Set-GUID': 'JSESSIONID=fresh' }), delayMs: 60 }
        : okReply(),
    );
    const signIn = client.signIn({ password: PASSWORD, phoneNumber: '70001' });
    const signOut = client.signOut();
    await Promise.all([signIn, signOut]);
    expect(stub.requests.map((request) => request.method)).toEqual(['PUT', 'DELETE']);
    expect(stub.peakOpenRequests).toBe(1);
    expect(singleHeader(stub.requests[1]!, 'guid')).toBe('fresh');
    expect(client.hasSession).toBe(false);
  });

  it.each(['100-006', '100-008'])(
    'sign-out treats %s as done and clears the session',
    async (code) => {
      fixture = await createClientFixture({ handler: () => retcodeReply(code) });
      await fixture.client.signOut();
      expect(fixture.client.hasSession).toBe(false);
    },
  );

  it('sign-out keeps the session when the gateway refuses (100-010 during a call)', async () => {
    fixture = await createClientFixture({ handler: () => retcodeReply('100-010') });
    await expect(fixture.client.signOut()).rejects.toMatchObject({
      kind: 'retcode',
      retcode: '100-010',
    });
    expect(fixture.client.hasSession).toBe(true);
  });

  it('sign-out without a session sends nothing', async () => {
    fixture = await createClientFixture({ signIn: false });
    await fixture.client.signOut();
    expect(fixture.stub.requests).toEqual([]);
  });

  it.each([
    ['100-004', false],
    ['100-002', false],
    ['110-016', false],
    ['100-021', true],
  ])('sign-in failure %s is a retcode error (retryable %s)', async (code, retryable) => {
    fixture = await createClientFixture({ signIn: false });
    fixture.stub.setHandler(() => retcodeReply(code));
    const error = await rejectionOf(
      fixture.client.signIn({ password: PASSWORD, phoneNumber: '70001' }),
    );
    expect(error).toMatchObject({
      kind: 'retcode',
      retcode: code,
      retryable,
      interfaceName: 'login',
    });
    expect(fixture.client.hasSession).toBe(false);
  });
});

describe('validation before the network', () => {
  it.each([
    ['listen with a bad id', (c: GatewayClient) => c.listen('abc')],
    ['listen with an out-of-range id', (c: GatewayClient) => c.listen('100')],
    ['getAgent with a path in the id', (c: GatewayClient) => c.getAgent('../1')],
    ['intercept with an unsafe call id', (c: GatewayClient) => c.intercept('101', 'a/b')],
    ['requestCall with a CR/LF call id', (c: GatewayClient) => c.requestCall('c\r\nGuid: x', 1)],
    ['requestCall with a negative skill', (c: GatewayClient) => c.requestCall('c1', -1)],
    ['listWaitingCalls with a fraction', (c: GatewayClient) => c.listWaitingCalls(1.5)],
    [
      'switchMode with an unknown target',
      (c: GatewayClient) => c.switchMode('101', 'toString' as never),
    ],
    ['beginMonitor with one bad id', (c: GatewayClient) => c.beginMonitor(['101', 'x'])],
    [
      'signIn with a long password',
      (c: GatewayClient) => c.signIn({ password: 'p'.repeat(33), phoneNumber: '1' }),
    ],
    [
      'signIn with a bad phone',
      (c: GatewayClient) => c.signIn({ password: 'p', phoneNumber: '12-34' }),
    ],
    [
      'signIn with a bad status',
      (c: GatewayClient) =>
        c.signIn({ password: 'p', phoneNumber: '1', initialStatus: 'rest' as never }),
    ],
  ])('%s is refused with invalid-argument and sends nothing', async (_label, call) => {
    fixture = await createClientFixture();
    const error = await rejectionOf(call(fixture.client));
    expect(error.kind).toBe('invalid-argument');
    expect(fixture.requestsAfterSignIn()).toEqual([]);
  });

  it('the constructor refuses a bad agent id, URL or timeout', () => {
    const fetch = () => Promise.reject(new Error('unused'));
    expect(() => new GatewayClient({ baseUrl: 'https://gw:8043', agentId: '12', fetch })).toThrow(
      /inspector agent id/,
    );
    expect(() => new GatewayClient({ baseUrl: 'gw', agentId: '291', fetch })).toThrow(
      /gateway address/,
    );
    expect(
      () =>
        new GatewayClient({ baseUrl: 'https://gw:8043', agentId: '291', fetch, pollTimeoutMs: 0 }),
    ).toThrow(/pollTimeoutMs/);
  });
});

describe('logging', () => {
  it('logs interface, target, retcode and duration, and never the GUID or password', async () => {
    fixture = await createClientFixture({
      handler: (request) => (request.path.endsWith('/101') ? okReply() : retcodeReply('900-002')),
    });
    await fixture.client.listen('101');
    await expect(fixture.client.listen('102')).rejects.toThrow();
    const text = JSON.stringify(fixture.logs);
    expect(text).not.toContain(FIRST_GUID);
    expect(text).not.toContain(PASSWORD);
    expect(fixture.logs).toContainEqual({
      level: 'debug',
      message: 'gateway call',
      fields: expect.objectContaining({ interface: 'login', target: '291', retcode: '0' }),
    });
    expect(fixture.logs).toContainEqual({
      level: 'debug',
      message: 'gateway call',
      fields: expect.objectContaining({ interface: 'addSupervise', target: '101', retcode: '0' }),
    });
    expect(fixture.logs).toContainEqual({
      level: 'warn',
      message: 'gateway call failed',
      fields: expect.objectContaining({
        interface: 'addSupervise',
        target: '102',
        retcode: '900-002',
        kind: 'retcode',
        durationMs: expect.any(Number),
      }),
    });
  });
});
