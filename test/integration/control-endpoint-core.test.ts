/**
 * The desktop app's control endpoint on the real supervisor core (as src/main/index.ts wires
 * it), against the simulator: a command from the command line and the same from the window at
 * the same moment are joined into one gateway request with one result (the core's join), and
 * the command line's actions are journaled as `cli`, the window's as `window`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectToControl } from '../../src/main/control/control-client';
import { controlLocation } from '../../src/main/control/control-location';
import { startControlServer, type ControlServer } from '../../src/main/control/control-server';
import { runIpcCommand } from '../../src/main/desktop/ipc/ipc-binding';
import { listPlainAgents } from '../support/simulator-agents';
import {
  startCoreOnSimulator,
  type CoreOnSimulator,
} from '../support/core/start-core-on-simulator';
import { waitFor } from '../support/wait-for';

let harness: CoreOnSimulator;
let server: ControlServer;
let root: string;

beforeEach(async () => {
  harness = await startCoreOnSimulator({ simulator: { pollHoldMs: 300 } });
  await harness.signIn();
  root = mkdtempSync(join(tmpdir(), 'cc-control-core-'));
  server = await startControlServer({
    core: harness.core,
    location: controlLocation({
      platform: process.platform,
      env: { CC_INSPECTOR_CONTROL_DIR: join(root, 'control') },
      uid: process.getuid?.() ?? -1,
      username: 'tester',
      homedir: root,
      tmpdir: root,
    }),
    owner: 'app',
  });
});
afterEach(async () => {
  await server.close();
  await harness.close();
  rmSync(root, { recursive: true, force: true });
});

const fromWindow = (name: Parameters<typeof runIpcCommand>[0], payload: unknown) =>
  runIpcCommand(name, null, payload, { core: harness.core, isTrustedSender: () => true });

describe('the app serving the control endpoint', () => {
  it('joins a switch sent by the command line and the window at once: one request, one result', async () => {
    const target = listPlainAgents(harness.sim, '7')[0]!.workNo;
    expect(await fromWindow('inspection.listen', { workNo: target })).toMatchObject({ ok: true });
    const client = (await connectToControl(
      controlLocation({
        platform: process.platform,
        env: { CC_INSPECTOR_CONTROL_DIR: join(root, 'control') },
        uid: process.getuid?.() ?? -1,
        username: 'tester',
        homedir: root,
        tmpdir: root,
      }),
    ))!;
    const switches = () =>
      harness.sim.center.stats().requestsByLogName.switchSuperviseOrInsert ?? 0;
    const before = switches();
    const [cli, window] = await Promise.all([
      client.call('inspection.switch', {}),
      fromWindow('inspection.switch', {}),
    ]);
    expect(cli).toMatchObject({ ok: true, value: { mode: 'inserting', targetWorkNo: target } });
    expect(window).toEqual(cli);
    expect(switches() - before).toBe(1);

    const status = await client.call('app.getStatus', {});
    expect(status).toMatchObject({
      ok: true,
      value: { connection: { phase: 'live' }, inspection: { mode: 'inserting' } },
    });
    expect(await client.call('inspection.cancel', {})).toMatchObject({ ok: true });
    client.close();
    await waitFor(
      () => {
        const result = harness.core.execute('journal.list', { limit: 10 });
        return result.then((r) => r.ok && r.value.length >= 3);
      },
      { what: 'the journal lines' },
    );
    const journal = await harness.core.execute('journal.list', { limit: 10 });
    expect(journal.ok && journal.value.map((entry) => [entry.action, entry.source])).toEqual([
      ['cancel', 'cli'],
      // Joined: one line, by whichever reached the core first (here the window's, in-process).
      ['switch', expect.stringMatching(/^(cli|window)$/)],
      ['listen', 'window'],
      ['sign-in', 'window'],
    ]);
  });
});
