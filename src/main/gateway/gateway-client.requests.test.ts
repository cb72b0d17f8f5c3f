/**
 * The client over real HTTP against a stub gateway: every interface sends exactly the
 * documented method, path, query, headers and body.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayClient } from './gateway-client';
import { okReply } from '../../../test/support/gateway/stub-gateway-server';
import {
  createClientFixture,
  FIRST_GUID,
  PASSWORD,
  singleHeader,
  type ClientFixture,
} from '../../../test/support/gateway/client-fixtures';

const BASE = '/agentgateway/resource/';
let fixture: ClientFixture | null = null;

afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

type Case = [
  label: string,
  call: (client: GatewayClient) => Promise<unknown>,
  method: string,
  url: string,
  result?: unknown,
];

const CASES: Case[] = [
  [
    'getOwnStatus',
    (c) => c.getOwnStatus(),
    'GET',
    'onlineagent/291/agentstatus',
    { agentState: 1, isWorking: false },
  ],
  ['pollEvent', (c) => c.pollEvent(), 'GET', 'agentevent/291'],
  ['listen', (c) => c.listen('101'), 'PUT', 'qualitycontrol/291/addsupervise/101'],
  ['insert', (c) => c.insert('101'), 'PUT', 'qualitycontrol/291/addinsert/101'],
  [
    'switchListenInsert',
    (c) => c.switchListenInsert('101'),
    'POST',
    'qualitycontrol/291/switch/101',
  ],
  [
    'whisper',
    (c) => c.whisper('101'),
    'POST',
    'qualitycontrol/291/requestwhisperagent?whisperagentid=101',
  ],
  [
    'stopWhisper',
    (c) => c.stopWhisper('101'),
    'POST',
    'qualitycontrol/291/requeststopwhisperagent?whisperagentid=101',
  ],
  [
    'switchMode listen',
    (c) => c.switchMode('101', 'listen'),
    'POST',
    'qualitycontrol/291/requestswitchinsertwhisperagent?whisperagentid=101&switchtype=0',
  ],
  [
    'switchMode insert',
    (c) => c.switchMode('101', 'insert'),
    'POST',
    'qualitycontrol/291/requestswitchinsertwhisperagent?whisperagentid=101&switchtype=1',
  ],
  [
    'switchMode whisper',
    (c) => c.switchMode('101', 'whisper'),
    'POST',
    'qualitycontrol/291/requestswitchinsertwhisperagent?whisperagentid=101&switchtype=2',
  ],
  ['intercept', (c) => c.intercept('101'), 'PUT', 'qualitycontrol/291/intercept/101'],
  [
    'intercept a call',
    (c) => c.intercept('101', 'call-1'),
    'PUT',
    'qualitycontrol/291/intercept/101/call-1',
  ],
  [
    'intercept an encoded call id',
    (c) => c.intercept('101', 'a:b@c'),
    'PUT',
    'qualitycontrol/291/intercept/101/a%3Ab%40c',
  ],
  ['cancel', (c) => c.cancel('101'), 'DELETE', 'qualitycontrol/291/101'],
  ['forceBusy', (c) => c.forceBusy('101'), 'POST', 'qualitycontrol/291/forcebusy/101'],
  ['forceIdle', (c) => c.forceIdle('101'), 'POST', 'qualitycontrol/291/forceidle/101'],
  [
    'forceSignOutAgent',
    (c) => c.forceSignOutAgent('101'),
    'POST',
    'qualitycontrol/291/forcelogout/101',
  ],
  [
    'listMonitorableAgents',
    (c) => c.listMonitorableAgents(),
    'GET',
    'qualitycontrol/291/allagent',
    [],
  ],
  ['listAgentStatuses', (c) => c.listAgentStatuses(), 'GET', 'agentgroup/291/allagentstatus', []],
  [
    'getAgent',
    (c) => c.getAgent('101'),
    'GET',
    'agentgroup/291/agentbyworkno/101',
    { workno: '101', status: '4' },
  ],
  [
    'beginMonitor',
    (c) => c.beginMonitor(['101', '102', '101']),
    'POST',
    'qualitycontrol/291/beginmonitor?agents=101;102',
  ],
  ['endMonitor', (c) => c.endMonitor(['103']), 'POST', 'qualitycontrol/291/endmonitor?agents=103'],
  ['listSkillQueues', (c) => c.listSkillQueues(), 'GET', 'queuedevice/291/agentvdnskill', []],
  ['listWaitingCalls', (c) => c.listWaitingCalls(13), 'GET', 'calldata/291/waitcallinfo/13', []],
  [
    'requestCall',
    (c) => c.requestCall('1700000000-77', 13),
    'POST',
    'voicecall/291/requestcall/1700000000-77/0?skillId=13&skillid=13',
  ],
  [
    'refreshGuid',
    (c) => c.refreshGuid(),
    'PUT',
    'onlineagent/291/updateGuid',
    { guid: FIRST_GUID },
  ],
  ['signOut', (c) => c.signOut(), 'DELETE', 'onlineagent/291/logout'],
  ['forced signOut', (c) => c.signOut({ force: true }), 'DELETE', 'onlineagent/291/forcelogout'],
];

describe('GatewayClient requests', () => {
  it.each(CASES)(
    '%s: documented method and URL, Guid, cookies, JSON content type, no body',
    async (_label, call, method, url, result) => {
      fixture = await createClientFixture({ handler: () => okReply(result ?? {}) });
      await call(fixture.client);
      const [request, ...more] = fixture.requestsAfterSignIn();
      expect(more).toEqual([]);
      expect(request?.method).toBe(method);
      expect(request?.url).toBe(BASE + url);
      expect(singleHeader(request!, 'content-type')).toBe('application/json; charset=UTF-8');
      expect(singleHeader(request!, 'guid')).toBe(FIRST_GUID);
      expect(singleHeader(request!, 'cookie')).toBe('NSLB_ROUTE=node0; lang=en');
      expect(request?.body).toBe('');
    },
  );

  it('signs in with PUT onlineagent/{id}, a JSON body and no Guid header', async () => {
    fixture = await createClientFixture({ signIn: false });
    const result = await fixture.client.signIn({ password: PASSWORD, phoneNumber: '70001' });
    expect(result).toEqual({
      workNo: '291',
      vdnId: 1,
      loginTime: 1_471_585_949_806,
      passwordMustChange: false,
      serverName: 'AgentGateway',
      passwordDaysRemaining: 9,
    });
    const [request] = fixture.stub.requests;
    expect(request?.method).toBe('PUT');
    expect(request?.url).toBe(`${BASE}onlineagent/291`);
    expect(singleHeader(request!, 'guid')).toBeUndefined();
    expect(singleHeader(request!, 'content-type')).toBe('application/json; charset=UTF-8');
    expect(JSON.parse(request!.body)).toEqual({
      password: PASSWORD,
      phonenum: '70001',
      autoanswer: true,
      autoenteridle: true,
      releasephone: true,
      agenttype: 4,
      status: 4,
      listenStatus: true,
      checkInWebm: false,
      checkInMailm: false,
    });
    expect(fixture.client.hasSession).toBe(true);
  });

  it('forced sign-in uses /forcelogin and the chosen options', async () => {
    fixture = await createClientFixture({ signIn: false });
    await fixture.client.signIn({
      password: '',
      phoneNumber: '+86*1#',
      force: true,
      initialStatus: 'busy',
      autoAnswer: false,
      listenStatus: false,
    });
    const [request] = fixture.stub.requests;
    expect(request?.url).toBe(`${BASE}onlineagent/291/forcelogin`);
    expect(JSON.parse(request!.body)).toMatchObject({
      password: '',
      phonenum: '+86*1#',
      status: 3,
      autoanswer: false,
      listenStatus: false,
    });
  });

  it('splits beginMonitor into batches of at most 500, one after another', async () => {
    fixture = await createClientFixture();
    const agents = Array.from({ length: 1_201 }, (_, index) => String(1_000 + index));
    await fixture.client.beginMonitor(agents);
    const requests = fixture.requestsAfterSignIn();
    expect(requests.map((request) => request.query.get('agents')?.split(';').length)).toEqual([
      500, 500, 201,
    ]);
    expect(requests.flatMap((request) => request.query.get('agents')?.split(';'))).toEqual(agents);
    expect(fixture.stub.peakOpenRequests).toBe(1);
  });

  it('sends nothing for an empty monitor list', async () => {
    fixture = await createClientFixture();
    await fixture.client.endMonitor([]);
    expect(fixture.requestsAfterSignIn()).toEqual([]);
  });

  it('accepts a base URL that already ends in /agentgateway/resource', async () => {
    fixture = await createClientFixture();
    const client = new GatewayClient({
      baseUrl: `${fixture.stub.origin}/agentgateway/resource`,
      agentId: '292',
      fetch: fixture.transport,
    });
    await client.signIn({ password: PASSWORD, phoneNumber: '70001' });
    expect(fixture.stub.requests.at(-1)?.url).toBe(`${BASE}onlineagent/292`);
  });
});
