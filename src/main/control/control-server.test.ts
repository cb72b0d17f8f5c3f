/**
 * The control endpoint against a recording core: what is on disk and with which modes, the
 * token, a payload naming its own source, another user, and a second or stale server.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandName, Result } from '../../shared/ipc/contract';
import type { SupervisorCore } from '../supervisor/supervisor-api';
import { connectToControl, ControlRefusedError } from './control-client';
import { controlLocation, type ControlLocation } from './control-location';
import { ControlEndpointBusyError, startControlServer, type ControlServer } from './control-server';

const calls: Array<{ name: CommandName; args: unknown }> = [];
const core = {
  async execute(name: CommandName, args: unknown): Promise<Result<unknown>> {
    calls.push({ name, args });
    return { ok: true, value: { echoed: name } };
  },
} as unknown as Pick<SupervisorCore, 'execute'>;

let root: string;
let location: ControlLocation;
let server: ControlServer | null = null;

beforeEach(() => {
  calls.length = 0;
  root = mkdtempSync(join(tmpdir(), 'cc-control-'));
  location = controlLocation({
    platform: process.platform,
    env: { CC_INSPECTOR_CONTROL_DIR: join(root, 'control') },
    uid: process.getuid?.() ?? -1,
    username: 'tester',
    homedir: root,
    tmpdir: root,
  });
});
afterEach(async () => {
  await server?.close();
  server = null;
  rmSync(root, { recursive: true, force: true });
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe('control endpoint', () => {
  it('keeps the folder 0700, the socket and the token file 0600, with a 256-bit token', async () => {
    server = await startControlServer({ core, location, owner: 'app' });
    expect(mode(location.directory)).toBe(0o700);
    expect(mode(location.endpoint)).toBe(0o600);
    expect(mode(location.infoFile)).toBe(0o600);
    const info = JSON.parse(readFileSync(location.infoFile, 'utf8')) as Record<string, unknown>;
    expect(info).toEqual({
      version: 1,
      endpoint: location.endpoint,
      token: expect.stringMatching(/^[0-9a-f]{64}$/),
      pid: process.pid,
      owner: 'app',
    });
  });

  it('runs a contract command with the token, recorded as coming from the cli', async () => {
    server = await startControlServer({ core, location, owner: 'app' });
    const client = await connectToControl(location);
    expect(client).not.toBeNull();
    const result = await client!.call('inspection.switch', {});
    client!.close();
    expect(result).toEqual({ ok: true, value: { echoed: 'inspection.switch' } });
    expect(calls).toEqual([{ name: 'inspection.switch', args: { source: 'cli' } }]);
  });

  it('refuses a wrong token and closes the connection; the core never hears of it', async () => {
    server = await startControlServer({ core, location, owner: 'app' });
    const client = await connectToControl(location, { token: 'f'.repeat(64) });
    await expect(client!.call('inspection.cancel', {})).rejects.toBeInstanceOf(ControlRefusedError);
    expect(calls).toEqual([]);
  });

  it('refuses a payload that names its own source, and unknown commands', async () => {
    server = await startControlServer({ core, location, owner: 'app' });
    const client = (await connectToControl(location))!;
    const named = await client.call('inspection.cancel', { source: 'window' } as never);
    const unknown = await client.call('no.such' as CommandName, {} as never);
    client.close();
    expect(named).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', field: 'source' },
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    expect(calls).toEqual([]);
  });

  it('answers only the commands it was given', async () => {
    server = await startControlServer({
      core,
      location,
      owner: 'cli-session',
      commands: ['app.getStatus'],
    });
    const client = (await connectToControl(location))!;
    expect(await client.call('app.getStatus', {})).toMatchObject({ ok: true });
    expect(await client.call('settings.update', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-command' },
    });
    client.close();
  });

  it("refuses another user's connection (the folder and socket are the owner's only)", async () => {
    server = await startControlServer({ core, location, owner: 'app' });
    if (process.getuid?.() !== 0) {
      // Without root no second user can be impersonated: the modes are what keeps them out.
      expect(mode(location.directory) & 0o077).toBe(0);
      return;
    }
    const script = `const s=require('net').connect({path:${JSON.stringify(location.endpoint)}});s.on('connect',()=>{console.log('connected');process.exit(0)});s.on('error',e=>{console.log(e.code);process.exit(0)});`;
    const child = spawn(process.execPath, ['-e', script], { uid: 65534, gid: 65534 });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise((resolve) => child.on('close', resolve));
    expect(out.trim()).toBe('EACCES');
    expect(calls).toEqual([]);
  });

  it('refuses to start beside a live endpoint, and replaces a stale one', async () => {
    server = await startControlServer({ core, location, owner: 'app' });
    await expect(
      startControlServer({ core, location, owner: 'cli-session' }),
    ).rejects.toBeInstanceOf(ControlEndpointBusyError);
    await server.close();
    // A run that died: its info file and socket stay behind.
    writeFileSync(
      location.infoFile,
      JSON.stringify({
        version: 1,
        endpoint: location.endpoint,
        token: 'a'.repeat(64),
        pid: 1,
        owner: 'app',
      }),
      { mode: 0o600 },
    );
    writeFileSync(location.endpoint, '');
    server = await startControlServer({ core, location, owner: 'cli-session' });
    const client = (await connectToControl(location))!;
    expect(client.info.owner).toBe('cli-session');
    client.close();
  });

  it('refuses a folder others may enter', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(location.directory, { recursive: true });
    chmodSync(location.directory, 0o755);
    await expect(startControlServer({ core, location, owner: 'app' })).rejects.toThrow(/0700/);
  });

  it('closes a connection whose line grows past the limit', async () => {
    server = await startControlServer({ core, location, owner: 'app' });
    const socket = connect({ path: location.endpoint });
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    socket.on('error', () => undefined);
    socket.write('x'.repeat(1024 * 1024 + 10));
    await closed;
    expect(answer).toContain('Request too long.');
    expect(calls).toEqual([]);
  });

  it('finds no live session when there is no info file', async () => {
    expect(await connectToControl(location)).toBeNull();
  });
});
