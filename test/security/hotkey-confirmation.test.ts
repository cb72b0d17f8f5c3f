/**
 * Issue 9, "main decides what is dangerous": a global hotkey fires while another application
 * has focus, so an intercept started from one asks first when "Confirm destructive actions" is
 * on — in a native dialog of main — and without a way to ask it does not go ahead. A real core
 * on the simulator; every request on the wire is recorded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CCGW_STATUS } from '../../src/shared/gateway-protocol/gateway-status-codes';
import { createMemoryCredentialStore } from '../../src/main/credentials';
import type { DestructiveRequest } from '../../src/main/supervisor';
import { waitFor } from '../support/wait-for';
import { startCapturedSession, type CapturedSession } from './session-capture';

describe('intercept from a global hotkey', () => {
  let session: CapturedSession;
  afterEach(() => session.close());

  /** Signed in and listening to a talking agent; returns what the dialog was asked. */
  async function listening(answer?: boolean, confirmDestructive = true) {
    const asked: DestructiveRequest[] = [];
    session = await startCapturedSession({
      credentials: createMemoryCredentialStore(),
      confirm:
        answer === undefined
          ? undefined
          : {
              confirmTrustChange: async () => false,
              confirmDestructive: async (request) => (asked.push(request), answer),
            },
    });
    const { sim, core } = session;
    const inspector = sim.inspectors[0]!;
    const agent = sim.agents[0]!;
    await session.invoke('settings.update', { confirmDestructive });
    await session.invoke('session.signIn', {
      gatewayUrl: sim.baseUrl,
      inspectorId: inspector.agentId,
      phoneNumber: inspector.phoneNumber,
      password: inspector.password,
      remember: false,
    });
    await waitFor(() => core.trayModel().connection.phase === 'live', {
      what: 'the session',
      intervalMs: 25,
    });
    sim.center.setAgentStatus(agent.agentId, CCGW_STATUS.talking);
    expect((await session.invoke('inspection.listen', { workNo: agent.agentId })).ok).toBe(true);
    return { asked, agent };
  }

  const intercepts = () => session.wire.filter((request) => request.url.includes('/intercept/'));

  it('asks in a native dialog first; "no" sends nothing and keeps listening', async () => {
    const { asked, agent } = await listening(false);
    const result = await session.core.runHotkey('intercept');
    expect(result).toMatchObject({ ok: true, value: { mode: 'listening' } });
    expect(asked).toEqual([{ action: 'intercept', workNo: agent.agentId, source: 'hotkey' }]);
    expect(intercepts()).toEqual([]);
  });

  it('"yes" intercepts, journaled as from the hotkey', async () => {
    const { asked } = await listening(true);
    expect((await session.core.runHotkey('intercept')).ok).toBe(true);
    expect(asked).toHaveLength(1);
    expect(intercepts()).toHaveLength(1);
    const journal = await session.invoke('journal.list', { limit: 10 });
    expect(journal.ok && journal.value.find((entry) => entry.action === 'intercept')).toMatchObject(
      { source: 'hotkey', outcome: 'ok' },
    );
  });

  it('without a way to ask, does not go ahead', async () => {
    await listening(undefined);
    expect(await session.core.runHotkey('intercept')).toMatchObject({
      ok: false,
      error: { code: 'forbidden-state' },
    });
    expect(intercepts()).toEqual([]);
  });

  it('with confirmations turned off in Settings, goes ahead without asking', async () => {
    const { asked } = await listening(false, false);
    expect((await session.core.runHotkey('intercept')).ok).toBe(true);
    expect(asked).toEqual([]);
    expect(intercepts()).toHaveLength(1);
  });
});
