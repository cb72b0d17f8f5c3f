import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from './simulator-types';
import {
  callGateway,
  signInAs,
  startTestSimulator,
  waitForRequests,
} from '../../test/support/simulator/simulator-test-helpers';
import { pause } from '../../test/support/wait-for';

const statusPath = (sim: RunningSimulator) =>
  `onlineagent/${sim.inspectors[0]!.agentId}/agentstatus`;

describe('simulator fault injection', () => {
  let sim: RunningSimulator;
  afterEach(async () => {
    await sim.close();
  });

  it('adds latency and jitter before answering', async () => {
    sim = await startTestSimulator({ faults: { latencyMs: 120, jitterMs: 30 } });
    const guid = await signInAs(sim, sim.inspectors[0]!);
    const started = performance.now();
    expect((await callGateway(sim, 'GET', statusPath(sim), { guid })).json.retcode).toBe('0');
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    expect(sim.faults.get()).toMatchObject({ latencyMs: 120, jitterMs: 30 });
  });

  it('answers 000-007 to an identical request while the first is still being answered (latency)', async () => {
    sim = await startTestSimulator();
    const guid = await signInAs(sim, sim.inspectors[0]!);
    sim.faults.set({ latencyMs: 200 });
    const first = callGateway(sim, 'GET', statusPath(sim), { guid });
    await waitForRequests(sim, 'getAgentStatus', 1);
    const second = await callGateway(sim, 'GET', statusPath(sim), { guid });
    expect(second.json.retcode).toBe('000-007');
    expect((await first).json.retcode).toBe('0');
    // Different interface of the same session at the same time: fine.
    const [a, b] = await Promise.all([
      callGateway(sim, 'GET', statusPath(sim), { guid }),
      callGateway(sim, 'GET', `queuedevice/${sim.inspectors[0]!.agentId}/agentvdnskill`, { guid }),
    ]);
    expect([a.json.retcode, b.json.retcode]).toEqual(['0', '0']);
  });

  it('refuses a sign-out while a sign-in of the same agent is pending (100-021)', async () => {
    sim = await startTestSimulator();
    const inspector = sim.inspectors[0]!;
    const guid = await signInAs(sim, inspector);
    sim.faults.set({ latencyMs: 200 });
    const body = { password: inspector.password, phonenum: inspector.phoneNumber };
    const forced = callGateway(sim, 'PUT', `onlineagent/${inspector.agentId}/forcelogin`, { body });
    await waitForRequests(sim, 'forceLogin', 1);
    const logout = await callGateway(sim, 'DELETE', `onlineagent/${inspector.agentId}/logout`, {
      guid,
    });
    expect(logout.json.retcode).toBe('100-021');
    expect((await forced).json.retcode).toBe('0');
  });

  it('answers HTTP 502/503 with an HTML page', async () => {
    sim = await startTestSimulator({ faults: { http5xxRate: 1 } });
    const response = await fetch(`${sim.baseUrl}${statusPath(sim)}`);
    expect([502, 503]).toContain(response.status);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<html>');
  });

  it('answers 200 with malformed or wrong-typed JSON', async () => {
    sim = await startTestSimulator();
    const guid = await signInAs(sim, sim.inspectors[0]!);
    sim.faults.set({ malformedRate: 1 });
    let broken = 0;
    for (let i = 0; i < 12; i += 1) {
      const response = await fetch(`${sim.baseUrl}${statusPath(sim)}`, { headers: { Guid: guid } });
      expect(response.status).toBe(200);
      const text = await response.text();
      let valid = false;
      try {
        const parsed = JSON.parse(text) as { retcode?: unknown; message?: unknown };
        valid =
          typeof parsed === 'object' &&
          parsed !== null &&
          typeof parsed.retcode === 'string' &&
          typeof parsed.message === 'string' &&
          'result' in parsed;
      } catch {
        valid = false;
      }
      if (!valid) broken += 1;
    }
    expect(broken).toBe(12);
  });

  it('answers business errors instead of the real answer', async () => {
    sim = await startTestSimulator();
    const guid = await signInAs(sim, sim.inspectors[0]!);
    sim.faults.set({ retcodeErrorRate: 1 });
    expect((await callGateway(sim, 'GET', statusPath(sim), { guid })).json).toMatchObject({
      retcode: '100-007',
    });
    const qc = await callGateway(
      sim,
      'GET',
      `qualitycontrol/${sim.inspectors[0]!.agentId}/allagent`,
      { guid },
    );
    expect(qc.json.retcode).toBe('900-001');
    sim.faults.clear();
    expect((await callGateway(sim, 'GET', statusPath(sim), { guid })).json.retcode).toBe('0');
  });

  it('drops the connection without an answer', async () => {
    sim = await startTestSimulator({ faults: { dropRate: 1 } });
    await expect(fetch(`${sim.baseUrl}${statusPath(sim)}`)).rejects.toThrow();
  });

  it('holds requests while stalled and answers them once the stall is cleared', async () => {
    sim = await startTestSimulator();
    const guid = await signInAs(sim, sim.inspectors[0]!);
    sim.faults.set({ stalled: true });
    let answered = false;
    const pending = callGateway(sim, 'GET', statusPath(sim), { guid }).then((answer) => {
      answered = true;
      return answer;
    });
    await pause(150);
    expect(answered).toBe(false);
    sim.faults.set({ stalled: false });
    expect((await pending).json.retcode).toBe('0');
  });

  it('rejects invalid fault settings with a clear error', async () => {
    sim = await startTestSimulator();
    expect(() => sim.faults.set({ dropRate: 2 })).toThrow(/between 0 and 1/);
    expect(() => sim.faults.set({ latencyMs: -1 })).toThrow(/latencyMs/);
    await expect(
      startTestSimulator({ faults: { stalled: 'yes' as unknown as boolean } }),
    ).rejects.toThrow(/stalled/);
  });
});

describe('simulator admin endpoint', () => {
  let sim: RunningSimulator;
  afterEach(async () => {
    await sim.close();
  });

  it('does not exist unless enabled', async () => {
    sim = await startTestSimulator();
    for (const [method, path] of [
      ['GET', 'faults'],
      ['PUT', 'faults'],
      ['POST', 'restart'],
      ['POST', 'invalidate-guids'],
    ] as const) {
      const response = await fetch(`${sim.origin}/__admin/${path}`, {
        method,
        body: method === 'GET' ? undefined : '{}',
      });
      expect(response.status).toBe(404);
      await response.text();
    }
  });

  // Issue 9: a web page the tester opens must not be able to stall or restart the simulator.
  it('refuses calls without the token or without a JSON content type', async () => {
    sim = await startTestSimulator({ adminEndpoint: true });
    expect(sim.adminToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const call = (path: string, method: string, headers: Record<string, string>, body?: string) =>
      fetch(`${sim.origin}/__admin/${path}`, { method, headers, body });
    const attempts = [
      // What a cross-origin form or fetch without a preflight can send.
      call('faults', 'PUT', { 'Content-Type': 'text/plain' }, '{"stalled":true}'),
      call('restart', 'POST', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'x=1'),
      call('faults', 'GET', {}),
      call(
        'faults',
        'PUT',
        { Authorization: 'Bearer wrong', 'Content-Type': 'application/json' },
        '{"stalled":true}',
      ),
      call(
        'faults',
        'PUT',
        { Authorization: `Bearer ${sim.adminToken}x`, 'Content-Type': 'application/json' },
        '{"stalled":true}',
      ),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer.status).toBe(401);
      expect(((await answer.json()) as { error: string }).error).toMatch(/Authorization: Bearer/);
    }
    const withTokenAsText = await call(
      'faults',
      'PUT',
      { Authorization: `Bearer ${sim.adminToken}`, 'Content-Type': 'text/plain' },
      '{"stalled":true}',
    );
    expect(withTokenAsText.status).toBe(415);
    await withTokenAsText.text();
    expect(sim.faults.get().stalled).toBe(false);
    // No CORS: a preflight gets no permission.
    const preflight = await call('faults', 'OPTIONS', {
      Origin: 'https://evil.example',
      'Access-Control-Request-Method': 'PUT',
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    await preflight.text();
    // Without --admin there is no token to leak.
    const plain = await startTestSimulator();
    expect(plain.adminToken).toBeNull();
    await plain.close();
  });

  it('reads and changes faults, restarts and invalidates GUIDs when enabled', async () => {
    sim = await startTestSimulator({ adminEndpoint: true });
    const inspector = sim.inspectors[0]!;
    const admin = (method: string, path: string, body?: unknown) =>
      fetch(`${sim.origin}/__admin/${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${sim.adminToken}`,
          ...(method === 'GET' ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect(await (await admin('GET', 'faults')).json()).toMatchObject({
      latencyMs: 0,
      stalled: false,
    });
    const changed = await admin('PUT', 'faults', { latencyMs: 5, http5xxRate: 0.5 });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ latencyMs: 5, http5xxRate: 0.5 });
    expect(sim.faults.get().http5xxRate).toBe(0.5);
    const bad = await admin('PUT', 'faults', { dropRate: 'lots' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/dropRate/);
    expect(sim.faults.get().dropRate).toBe(0);
    sim.faults.clear();

    // A stalled simulator can still be un-stalled through the admin endpoint.
    await admin('PUT', 'faults', { stalled: true });
    let signedIn = false;
    const held = signInAs(sim, inspector).then((guid) => {
      signedIn = true;
      return guid;
    });
    await pause(100);
    expect(signedIn).toBe(false);
    await admin('PUT', 'faults', { stalled: false });
    expect(await held).toMatch(/AgentGateway0$/);

    const fresh = await signInAs(sim, inspector, { force: true });
    expect((await admin('POST', 'invalidate-guids')).status).toBe(200);
    expect((await callGateway(sim, 'GET', statusPath(sim), { guid: fresh })).json.retcode).toBe(
      '000-003',
    );
    const again = await signInAs(sim, inspector);
    expect((await admin('POST', 'restart')).status).toBe(200);
    expect((await callGateway(sim, 'GET', statusPath(sim), { guid: again })).json.retcode).toBe(
      '100-006',
    );
  });
});
