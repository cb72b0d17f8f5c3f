/**
 * Secrets: a whole session — a failed sign-in with a distinctive password, a real sign-in, GUID
 * rotations, an invalidated GUID and the re-sign-in, QC actions, a refused action, gateway
 * errors, settings changes, the journal listed and exported — then every log line, file (logs,
 * settings, journal, exports, the diagnostics bundle unzipped and as stored), IPC result and
 * event sent to the renderer is searched: neither
 * a password nor any GUID the simulator issued appears anywhere. A second run goes through the
 * refusal of a plain-HTTP gateway and a trust change (issue 9).
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CCGW_STATUS } from '../../src/shared/gateway-protocol/gateway-status-codes';
import { createMemoryCredentialStore } from '../../src/main/credentials';
import { waitFor } from '../support/wait-for';
import { findSecrets, startCapturedSession, type CapturedSession } from './session-capture';

const WRONG_PASSWORD = 'Pw-7f3e9c1b-SECRET';

/** A GUID rotation or re-sign-in takes a few poll holds. */
const STEP_MS = 8_000;

describe('secrets never leave the session', () => {
  let session: CapturedSession;

  beforeEach(async () => {
    session = await startCapturedSession({ credentials: createMemoryCredentialStore() });
  });

  afterEach(async () => {
    await session.close();
  });

  it('keeps passwords and GUIDs out of logs, files, results and events', async () => {
    const { sim, core } = session;
    const inspector = sim.inspectors[0]!;
    const [target, other] = sim.agents;
    const signInArgs = {
      gatewayUrl: sim.baseUrl,
      inspectorId: inspector.agentId,
      phoneNumber: inspector.phoneNumber,
      remember: true,
    };
    const isLive = (): boolean => core.trayModel().connection.phase === 'live';
    await core.start({ demo: false });

    const wrong = await session.invoke('session.signIn', {
      ...signInArgs,
      password: WRONG_PASSWORD,
    });
    expect(wrong.ok).toBe(false);
    expect(
      await session.invoke('session.signIn', { ...signInArgs, password: inspector.password }),
    ).toEqual({ ok: true, value: null });
    await waitFor(() => isLive() && core.diagnostics().rosterSize > 0, {
      what: 'the roster',
      timeoutMs: STEP_MS,
      intervalMs: 25,
    });

    sim.center.setAgentStatus(target!.agentId, CCGW_STATUS.talking);
    await session.invoke('agents.select', { workNo: target!.agentId });
    expect((await session.invoke('inspection.listen', { workNo: target!.agentId })).ok).toBe(true);
    expect((await session.invoke('inspection.barge', { workNo: other!.agentId })).ok).toBe(false);
    expect((await session.invoke('inspection.switch', {})).ok).toBe(true);
    expect((await session.invoke('inspection.cancel', {})).ok).toBe(true);
    expect((await core.runHotkey('listen')).ok).toBe(true);
    expect((await core.runHotkey('cancel')).ok).toBe(true);
    sim.faults.set({ retcodeErrorRate: 1 });
    expect((await session.invoke('agents.forceBusy', { workNo: other!.agentId })).ok).toBe(false);
    sim.faults.clear();
    // Polls failed too while every answer was an error (100-007 is retry-later): the session
    // may be waiting out a backoff; act once it is live again, as a supervisor would.
    await waitFor(() => isLive(), { what: 'live again', timeoutMs: STEP_MS, intervalMs: 25 });
    expect((await session.invoke('agents.forceBusy', { workNo: other!.agentId })).ok).toBe(true);

    // Polls rotate the GUID every few answers; then every GUID is made stale at once.
    const guidsBefore = session.guids.size;
    await waitFor(() => session.guids.size >= guidsBefore + 4, {
      what: 'GUID rotations',
      timeoutMs: STEP_MS,
      intervalMs: 25,
    });
    const eventsBefore = session.events.length;
    const guidsBeforeInvalidation = new Set(session.guids);
    sim.faults.invalidateGuids();
    await waitFor(
      () =>
        session.events
          .slice(eventsBefore)
          .some((event) => event.includes('"phase":"reconnecting"')),
      { what: 'the lost session', timeoutMs: STEP_MS, intervalMs: 25 },
    );
    await waitFor(
      () => isLive() && [...session.guids].some((guid) => !guidsBeforeInvalidation.has(guid)),
      { what: 'the automatic re-sign-in', timeoutMs: STEP_MS, intervalMs: 25 },
    );

    expect(
      (
        await session.invoke('settings.update', {
          language: 'zh-CN',
          alerts: { longCallSeconds: 300 },
        })
      ).ok,
    ).toBe(true);
    const journal = await session.invoke('journal.list', { limit: 1_000 });
    expect(journal.ok && journal.value.length).toBeGreaterThan(5);
    for (const format of ['csv', 'json'] as const) {
      const exported = await session.invoke('journal.export', { format });
      expect(exported.ok && exported.value.savedTo).toBeTruthy();
    }
    // Issue 16: the diagnostics bundle of this very session, call parties' numbers included.
    const exported = await session.invoke('diagnostics.export', { includeCallParties: true });
    const savedTo = exported.ok ? exported.value.savedTo : null;
    expect(savedTo).toMatch(/cc-inspector-diagnostics-.*\.zip$/);
    const zipBytes = readFileSync(savedTo as string);
    const bundle = Object.entries(unzipSync(new Uint8Array(zipBytes))).map(([name, bytes]) => ({
      label: `bundle ${name}`,
      text: strFromU8(bytes),
    }));
    expect(bundle.find((file) => file.label === 'bundle logs/main.log')?.text).toContain(
      'gateway call',
    );
    expect(bundle.find((file) => file.label === 'bundle doctor.json')?.text).toContain('"tls"');
    expect(bundle.find((file) => file.label === 'bundle journal-tail.json')?.text).toContain(
      target!.agentId,
    );
    expect((await session.invoke('session.signOut', { forgetPassword: false })).ok).toBe(true);

    const files = session.readAllFiles();
    const texts = [
      ...files.map((file) => ({ label: file.path, text: file.text })),
      ...session.logLines.map((text) => ({ label: 'log line', text })),
      ...session.results.map((text) => ({ label: 'IPC result', text })),
      ...session.events.map((text) => ({ label: 'IPC event', text })),
    ];
    // The scan only proves something if each place really holds this session's traces.
    expect(
      files.some((file) => file.path.endsWith('main.log') && file.text.includes('gateway call')),
    ).toBe(true);
    expect(
      files.some((file) => file.path.endsWith('settings.json') && file.text.includes('zh-CN')),
    ).toBe(true);
    expect(files.filter((file) => file.path.includes('exports')).length).toBe(3);
    expect(
      files.some((file) => file.path.includes('journal') && file.text.includes(target!.agentId)),
    ).toBe(true);
    expect(session.events.some((event) => event.includes('roster.delta'))).toBe(true);
    expect(session.guids.size).toBeGreaterThanOrEqual(6);

    expect(findSecrets(texts, [WRONG_PASSWORD, inspector.password, ...session.guids])).toEqual([]);
    // Every byte of the bundle too: the zip as stored and every file in it.
    const bundleTexts = [{ label: 'bundle zip', text: zipBytes.toString('latin1') }, ...bundle];
    expect(
      findSecrets(bundleTexts, [WRONG_PASSWORD, inspector.password, ...session.guids]),
    ).toEqual([]);
  });

  // Issue 9: the refusal of a plain-HTTP gateway and a trust change leave no secret behind
  // either, and neither sends the password anywhere it was not sent before.
  it('keeps them out through an http refusal and a trust change too', async () => {
    const { sim, core } = session;
    const inspector = sim.inspectors[0]!;
    const signInArgs = {
      gatewayUrl: sim.baseUrl,
      inspectorId: inspector.agentId,
      phoneNumber: inspector.phoneNumber,
      remember: true,
    };
    await core.start({ demo: false });
    const http = await session.invoke('session.signIn', {
      ...signInArgs,
      gatewayUrl: sim.baseUrl.replace('https://', 'http://'),
      password: WRONG_PASSWORD,
    });
    expect(http).toMatchObject({ ok: false, error: { code: 'insecure-gateway' } });
    expect(
      (
        await session.invoke('settings.update', {
          gateway: { url: sim.baseUrl.replace('https://', 'http://') },
        })
      ).ok,
    ).toBe(false);
    expect(
      await session.invoke('session.signIn', { ...signInArgs, password: inspector.password }),
    ).toEqual({ ok: true, value: null });
    await waitFor(() => core.trayModel().connection.phase === 'live', {
      what: 'the session',
      intervalMs: 25,
    });
    const sentBefore = session.wire.length;
    expect(
      (await session.invoke('settings.update', { gateway: { pinSha256: 'c3'.repeat(32) } })).ok,
    ).toBe(true);
    expect(core.trayModel().connection.phase).toBe('signed-out');
    expect(
      (await session.invoke('settings.update', { gateway: { pinSha256: sim.certSha256 } })).ok,
    ).toBe(true);
    expect(
      await session.invoke('session.signIn', { ...signInArgs, password: inspector.password }),
    ).toEqual({ ok: true, value: null });
    await waitFor(() => core.trayModel().connection.phase === 'live', {
      what: 'the pinned session',
      intervalMs: 25,
    });
    // The password went out once more, typed, under the pin the person set — nowhere else.
    const carried = session.wire
      .slice(sentBefore)
      .filter((request) => request.body.includes(inspector.password));
    expect(carried.map((request) => request.trust.pinSha256)).toEqual([sim.certSha256]);
    expect(session.wire.some((request) => request.url.startsWith('http:'))).toBe(false);
    expect((await session.invoke('session.signOut', { forgetPassword: true })).ok).toBe(true);

    const texts = [
      ...session.readAllFiles().map((file) => ({ label: file.path, text: file.text })),
      ...session.logLines.map((text) => ({ label: 'log line', text })),
      ...session.results.map((text) => ({ label: 'IPC result', text })),
      ...session.events.map((text) => ({ label: 'IPC event', text })),
    ];
    expect(session.logLines.some((line) => line.includes('trust changed'))).toBe(true);
    expect(findSecrets(texts, [WRONG_PASSWORD, inspector.password, ...session.guids])).toEqual([]);
  });
});
