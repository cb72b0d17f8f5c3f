/**
 * Failure paths over real HTTP: retcodes, HTTP errors, malformed bodies, time limits,
 * dropped and refused connections, and the caller's abort — each a distinct GatewayError kind.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayClient } from './gateway-client';
import type { GatewayError } from './gateway-error';
import { createNodeFetch } from './transport/node-fetch';
import {
  okReply,
  retcodeReply,
  type StubReply,
} from '../../../test/support/gateway/stub-gateway-server';
import {
  createClientFixture,
  type ClientFixture,
} from '../../../test/support/gateway/client-fixtures';
import { rejectionOf } from '../../../test/support/gateway/gateway-error-capture';

let fixture: ClientFixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

async function failureFor(
  reply: StubReply,
  call: (client: GatewayClient) => Promise<unknown> = (c) => c.listAgentStatuses(),
): Promise<GatewayError> {
  fixture = await createClientFixture({
    handler: () => reply,
    client: { requestTimeoutMs: 300, pollTimeoutMs: 300 },
  });
  return rejectionOf(call(fixture.client));
}

describe('gateway answers that are errors', () => {
  it.each([
    ['900-002', 'addSupervise', false, false],
    ['900-003', 'addSupervise', false, false],
    ['900-005', 'addSupervise', false, false],
    ['000-005', 'addSupervise', false, false],
    ['000-007', 'addSupervise', true, false],
    ['000-003', 'addSupervise', false, true],
    ['100-006', 'addSupervise', false, true],
  ])(
    'retcode %s → kind retcode on %s (retryable %s, needsSignIn %s)',
    async (code, interfaceName, retryable, needsSignIn) => {
      const error = await failureFor(retcodeReply(code), (client) => client.listen('101'));
      expect(error).toMatchObject({
        kind: 'retcode',
        retcode: code,
        interfaceName,
        retryable,
        needsSignIn,
      });
    },
  );

  // Issue 10: an expired GUID answered with 401/403 (gateway or NSLB) is session loss.
  it.each([401, 403])('HTTP %d → http-status that needs a new sign-in', async (status) => {
    const error = await failureFor({ status, body: 'Unauthorized' });
    expect(error).toMatchObject({ kind: 'http-status', httpStatus: status, needsSignIn: true });
  });

  it.each([500, 502, 503])('HTTP %d → http-status, retryable', async (status) => {
    const error = await failureFor({ status, body: '<html>oops</html>' });
    expect(error).toMatchObject({
      kind: 'http-status',
      httpStatus: status,
      retryable: true,
      interfaceName: 'queryAllAgentStatus',
    });
    expect(error.message).not.toContain('oops');
  });

  it('HTTP 404 with a JSON envelope is still http-status (not retryable)', async () => {
    const error = await failureFor({ status: 404, body: { retcode: '0', result: [] } });
    expect(error).toMatchObject({ kind: 'http-status', httpStatus: 404, retryable: false });
  });

  it.each([
    ['not JSON', { body: 'Service Unavailable' }, /not JSON/],
    ['empty', { body: '' }, /empty/],
    ['no retcode', { body: { message: '', result: [] } }, /retcode is missing/],
    ['a numeric retcode', { body: { retcode: 0, result: [] } }, /retcode should be text/],
    [
      'result of the wrong type',
      { body: { retcode: '0', result: { workno: '1' } } },
      /result should be a list/,
    ],
    [
      'a row with a wrong field',
      { body: { retcode: '0', result: [{ workno: '101', status: {} }] } },
      /result\[0\]\.status/,
    ],
  ])('a body that is %s → malformed', async (_label, reply, reason) => {
    const error = await failureFor(reply as StubReply);
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(reason);
  });

  // Issue 10: one odd event never fails the poll; it is passed on as `unknown` and counted.
  it('a poll answer with an event without type → an unknown event, not an error', async () => {
    fixture = await createClientFixture({
      handler: () => ({ body: { retcode: '0', message: '', event: { workNo: '291' } } }),
    });
    const event = await fixture.client.pollEvent();
    expect(event).toMatchObject({ eventType: 'unknown', rawType: '(missing)', known: false });
    expect(fixture.client.unknownEventCount).toBe(1);
    expect(JSON.stringify(fixture.logs)).toMatch(/unknown type passed on/);
  });
});

describe('transport failures', () => {
  it('a gateway that never answers → timeout after requestTimeoutMs', async () => {
    const started = performance.now();
    const error = await failureFor('hang');
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    expect(error.message).toContain('300 ms');
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('a body that stalls halfway → timeout', async () => {
    const error = await failureFor('stall-body');
    expect(error.kind).toBe('timeout');
  });

  it('the poll uses pollTimeoutMs, not requestTimeoutMs', async () => {
    fixture = await createClientFixture({
      handler: () => ({ body: { retcode: '0', message: '' }, delayMs: 400 }),
      client: { requestTimeoutMs: 200, pollTimeoutMs: 2_000 },
    });
    await expect(fixture.client.pollEvent()).resolves.toBeNull();
    await expect(fixture.client.listen('101')).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('a dropped connection → transport', async () => {
    const error = await failureFor('drop');
    expect(error).toMatchObject({ kind: 'transport', retryable: true });
  });

  it('a refused connection → transport', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise((resolve) => server.close(resolve));
    const transport = createNodeFetch();
    const client = new GatewayClient({
      baseUrl: `http://127.0.0.1:${port}`,
      agentId: '291',
      fetch: transport,
    });
    const error = await rejectionOf(client.signIn({ password: 'x', phoneNumber: '1' }));
    expect(error.kind).toBe('transport');
    expect(error.message).toContain('ECONNREFUSED');
    await transport.close();
  });

  it("the caller's abort → aborted, and the next poll works", async () => {
    fixture = await createClientFixture({
      handler: (request) => (request.path.endsWith('/agentevent/291') ? 'hang' : okReply()),
    });
    const controller = new AbortController();
    const poll = fixture.client.pollEvent(controller.signal);
    setTimeout(() => controller.abort(), 20);
    const error = await rejectionOf(poll);
    expect(error).toMatchObject({ kind: 'aborted', retryable: false });
    const already = new AbortController();
    already.abort();
    await expect(fixture.client.pollEvent(already.signal)).rejects.toMatchObject({
      kind: 'aborted',
    });
  });

  it('recovers after a failure: the next call goes out normally', async () => {
    let calls = 0;
    fixture = await createClientFixture({ handler: () => (calls++ === 0 ? 'drop' : okReply([])) });
    await expect(fixture.client.listAgentStatuses()).rejects.toMatchObject({ kind: 'transport' });
    await expect(fixture.client.listAgentStatuses()).resolves.toEqual([]);
  });
});
