/**
 * The coaching interfaces over real HTTP against a stub gateway, from Huawei's pages:
 * sendnoteletex (cec_07_1205: POST, body {agentIds: Integer[] ≤ 100, content 0–1,023 bytes},
 * result null, errors 100-001/100-006/100-007), forcerest (cec_07_2411: time 1–86,399 s,
 * reason 1–255, all in the path), forcedropcall (cec_07_2408 / cec_07_0442: call id in the
 * path, no body) and adjustskill (cec_07_2409 / cec_07_0443: body {"workNo":"…","skills":[…]},
 * at most 1,000 skills). Every refusal happens before the network.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { okReply, retcodeReply } from '../../../test/support/gateway/stub-gateway-server';
import {
  createClientFixture,
  FIRST_GUID,
  singleHeader,
  type ClientFixture,
} from '../../../test/support/gateway/client-fixtures';
import { GatewayError } from './gateway-error';
import { planNoteBatches, utf8ByteLength, validateNoteContent } from './requests/coaching-requests';

const BASE = '/agentgateway/resource/';
let fixture: ClientFixture | null = null;

afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

async function refusedBeforeNetwork(call: () => Promise<unknown>, text: RegExp): Promise<void> {
  const error = await call().then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(GatewayError);
  expect((error as GatewayError).kind).toBe('invalid-argument');
  expect((error as GatewayError).message).toMatch(text);
  expect(fixture!.requestsAfterSignIn()).toEqual([]);
}

describe('sendnoteletex (cec_07_1205)', () => {
  it('POSTs the ids as integers and the content, with the Guid, and accepts result null', async () => {
    fixture = await createClientFixture({ handler: () => okReply(null) });
    await fixture.client.sendNote(['1001', '1002'], '下一通电话请先核实身份');
    const [request, ...more] = fixture.requestsAfterSignIn();
    expect(more).toEqual([]);
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(`${BASE}onlineagent/291/sendnoteletex`);
    expect(singleHeader(request!, 'guid')).toBe(FIRST_GUID);
    expect(singleHeader(request!, 'content-type')).toBe('application/json; charset=UTF-8');
    expect(JSON.parse(request!.body)).toEqual({
      agentIds: [1001, 1002],
      content: '下一通电话请先核实身份',
    });
  });

  it('sends 1,023 bytes of Chinese text and refuses 1,024 bytes before the network', async () => {
    fixture = await createClientFixture({ handler: () => okReply(null) });
    const full = `${'注'.repeat(340)}abc`;
    expect(utf8ByteLength(full)).toBe(1_023);
    await fixture.client.sendNote(['1001'], full);
    expect(fixture.requestsAfterSignIn()).toHaveLength(1);
    fixture.stub.requests.length = 1;
    await refusedBeforeNetwork(
      () => fixture!.client.sendNote(['1001'], `${full}d`),
      /1024 bytes long; a note holds at most 1023 bytes/,
    );
  });

  it('sends an empty note (0 bytes is allowed)', async () => {
    fixture = await createClientFixture({ handler: () => okReply(null) });
    await fixture.client.sendNote(['1001'], '');
    expect(JSON.parse(fixture.requestsAfterSignIn()[0]!.body)).toEqual({
      agentIds: [1001],
      content: '',
    });
  });

  it('refuses 101 receivers in one request, no receivers, and a bad id', async () => {
    fixture = await createClientFixture();
    const ids = Array.from({ length: 101 }, (_, i) => String(1001 + i));
    await refusedBeforeNetwork(() => fixture!.client.sendNote(ids, 'x'), /1 to 100 agents/);
    await refusedBeforeNetwork(() => fixture!.client.sendNote([], 'x'), /1 to 100 agents/);
    await refusedBeforeNetwork(() => fixture!.client.sendNote(['01001'], 'x'), /agent id/);
  });

  it('refuses control characters and broken characters, keeps tabs and newlines', async () => {
    fixture = await createClientFixture();
    await refusedBeforeNetwork(() => fixture!.client.sendNote(['1001'], 'a\u0007b'), /control/);
    await refusedBeforeNetwork(() => fixture!.client.sendNote(['1001'], 'a\ud800b'), /broken/);
    expect(validateNoteContent('line one\n\tline two\r\n')).toBe('line one\n\tline two\r\n');
  });

  it('sends two notes one after the other, never overlapping (the gateway would answer 000-007)', async () => {
    fixture = await createClientFixture({ handler: () => ({ ...okReply(null), delayMs: 30 }) });
    await Promise.all([
      fixture.client.sendNote(['1001'], 'first'),
      fixture.client.sendNote(['1002'], 'second'),
    ]);
    const bodies = fixture.requestsAfterSignIn().map((request) => JSON.parse(request.body));
    expect(bodies).toEqual([
      { agentIds: [1001], content: 'first' },
      { agentIds: [1002], content: 'second' },
    ]);
    expect(fixture.stub.peakOpenRequests).toBe(1);
  });

  it.each(['100-001', '100-006', '100-007'])('reports the documented error %s', async (code) => {
    fixture = await createClientFixture({ handler: () => retcodeReply(code) });
    const error = await fixture.client.sendNote(['1001'], 'x').catch((reason: unknown) => reason);
    expect(error).toMatchObject({ kind: 'retcode', retcode: code, interfaceName: 'sendNoteletEx' });
  });

  it('plans 150 receivers as two batches of 100 and 50, repeats dropped, order kept', () => {
    const ids = Array.from({ length: 150 }, (_, i) => String(1001 + i));
    const batches = planNoteBatches([...ids, '1001']);
    expect(batches.map((batch) => batch.length)).toEqual([100, 50]);
    expect(batches.flat()).toEqual(ids);
  });
});

describe('forcerest (cec_07_2411)', () => {
  it('POSTs forcerest/{workNo}/{time}/{reason} without a body', async () => {
    fixture = await createClientFixture();
    await fixture.client.forceRest('1001', 86_399, 255);
    await fixture.client.forceRest('1002', 1, 1);
    const [first, second] = fixture.requestsAfterSignIn();
    expect(first).toMatchObject({
      method: 'POST',
      url: `${BASE}qualitycontrol/291/forcerest/1001/86399/255`,
      body: '',
    });
    expect(second?.url).toBe(`${BASE}qualitycontrol/291/forcerest/1002/1/1`);
  });

  it.each([
    ['0 seconds', 0, 1, /rest duration: a whole number from 1 to 86399/],
    ['86,400 seconds', 86_400, 1, /rest duration/],
    ['1.5 seconds', 1.5, 1, /rest duration/],
    ['reason 0', 60, 0, /rest reason: a whole number from 1 to 255/],
    ['reason 256', 60, 256, /rest reason/],
  ])('refuses %s before the network', async (_case, seconds, reason, text) => {
    fixture = await createClientFixture();
    await refusedBeforeNetwork(() => fixture!.client.forceRest('1001', seconds, reason), text);
  });
});

describe('forcedropcall (cec_07_2408 / cec_07_0442)', () => {
  it('POSTs forcedropcall/{callid} with the id encoded, without a body', async () => {
    fixture = await createClientFixture();
    await fixture.client.forceDropCall('1700000000-12');
    await fixture.client.forceDropCall('a:b@c');
    expect(fixture.requestsAfterSignIn().map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', `${BASE}qualitycontrol/291/forcedropcall/1700000000-12`, ''],
      ['POST', `${BASE}qualitycontrol/291/forcedropcall/a%3Ab%40c`, ''],
    ]);
  });

  it('refuses a call id that could leave the path', async () => {
    fixture = await createClientFixture();
    await refusedBeforeNetwork(() => fixture!.client.forceDropCall('../logout'), /call id/);
    await refusedBeforeNetwork(() => fixture!.client.forceDropCall(''), /call id/);
  });
});

describe('adjustskill (cec_07_2409 / cec_07_0443)', () => {
  it('POSTs {"workNo":"…","skills":[…]}: workNo as text, skills as numbers, repeats dropped', async () => {
    fixture = await createClientFixture();
    await fixture.client.adjustSkills('1001', [3, 5, 3]);
    const [request] = fixture.requestsAfterSignIn();
    expect(request).toMatchObject({ method: 'POST', url: `${BASE}qualitycontrol/291/adjustskill` });
    expect(JSON.parse(request!.body)).toEqual({ workNo: '1001', skills: [3, 5] });
  });

  it('sends 1,000 skills and refuses 1,001 or none before the network', async () => {
    fixture = await createClientFixture();
    const thousand = Array.from({ length: 1_000 }, (_, i) => i);
    await fixture.client.adjustSkills('1001', thousand);
    expect(JSON.parse(fixture.requestsAfterSignIn()[0]!.body).skills).toHaveLength(1_000);
    fixture.stub.requests.length = 1;
    await refusedBeforeNetwork(
      () => fixture!.client.adjustSkills('1001', [...thousand, 1_000]),
      /1001 skills; one request sets at most 1000/,
    );
    await refusedBeforeNetwork(() => fixture!.client.adjustSkills('1001', []), /at least one/);
    await refusedBeforeNetwork(() => fixture!.client.adjustSkills('1001', [-1]), /skill id/);
  });

  it.each(['100-001', '900-003'])('reports the documented error %s', async (code) => {
    fixture = await createClientFixture({ handler: () => retcodeReply(code) });
    const error = await fixture.client.adjustSkills('1001', [3]).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ kind: 'retcode', retcode: code, interfaceName: 'adjustSkill' });
  });
});
