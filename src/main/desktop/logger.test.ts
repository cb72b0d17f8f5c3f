import '../../../test/fakes/electron-require';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REDACTED, redactText, redactValue } from './log-redaction';
import { createFileLogger, LOG_MAX_BYTES } from './logger';

const GUID = '3f2b9c1e-7d4a-4e8b-9a61-0c5d2e7f8a90.AgentGateway2';

describe('redactText', () => {
  it.each([
    ['Cookie: JSESSIONID=A1B2C3D4E5; Path=/', `Cookie: JSESSIONID=${REDACTED}; Path=/`],
    [`guid ${GUID} accepted`, `guid ${REDACTED} accepted`],
    ['{"password":"s3cret!","workNo":"1001"}', `{"password":${REDACTED},"workNo":"1001"}`],
    ["login password='hunter2' ok", `login password=${REDACTED} ok`],
    ['?guid=abc123&x=1', `?guid=${REDACTED}&x=1`],
    ['Guid: 0123456789abcdef0123.AgentGateway', `Guid: ${REDACTED}`],
    ['agentPassword=p@ss word', `agentPassword=${REDACTED} word`],
  ])('scrubs %j', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('leaves ordinary text alone', () => {
    const text = 'GUID invalidated (100-006), re-signing in; agent 1001 idle; passwordDaysRemaining is 5';
    expect(redactText(text)).toBe(text);
  });
});

describe('redactValue', () => {
  it('blanks secret-named fields at any depth and scrubs strings, without touching the input', () => {
    const input = {
      workNo: '1001',
      password: 'hunter2',
      headers: { Guid: GUID, Cookie: 'JSESSIONID=xyz', 'Content-Type': 'application/json' },
      history: [{ note: `used ${GUID}` }],
      passwordRemembered: null,
    };
    expect(redactValue(input)).toEqual({
      workNo: '1001',
      password: REDACTED,
      headers: { Guid: REDACTED, Cookie: REDACTED, 'Content-Type': 'application/json' },
      history: [{ note: `used ${REDACTED}` }],
      passwordRemembered: null,
    });
    expect(input.password).toBe('hunter2');
  });

  it('scrubs error messages and stacks and survives cycles', () => {
    const error = new Error(`sign-in failed for guid=${GUID}`);
    const redacted = redactValue(error) as Error;
    expect(redacted.message).toBe(`sign-in failed for guid=${REDACTED}`);
    expect(redacted.stack).not.toContain('3f2b9c1e');
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(redactValue(cyclic)).toEqual({ name: 'loop', self: '[circular]' });
  });
});

describe('createFileLogger', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('writes redacted lines to main.log in the given folder, rotating at 5 MB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-log-'));
    dirs.push(dir);
    const logger = createFileLogger({ directory: dir, consoleLevel: false });
    expect(logger.filePath).toBe(join(dir, 'main.log'));
    logger.info('signed in', { workNo: '1001', guid: GUID, password: 'hunter2' });
    logger.warn(`cookie JSESSIONID=ABCDEF123 refused`);
    logger.debug('not written at info level');
    // electron-log's file transport writes synchronously, but give it a tick anyway.
    await new Promise((resolve) => setImmediate(resolve));
    const text = readFileSync(logger.filePath, 'utf8');
    expect(text).toContain('signed in');
    expect(text).toContain("workNo: '1001'");
    expect(text).toContain(REDACTED);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('3f2b9c1e');
    expect(text).not.toContain('ABCDEF123');
    expect(text).not.toContain('not written');
    expect(LOG_MAX_BYTES).toBe(5 * 1024 * 1024);
  });

  it('rotates into a single archive when the file grows past the limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-log-'));
    dirs.push(dir);
    const logger = createFileLogger({ directory: dir, consoleLevel: false, maxBytes: 300 });
    for (let index = 0; index < 40; index += 1) logger.info(`line ${index} ${'x'.repeat(40)}`);
    expect(readdirSync(dir).sort()).toEqual(['main.log', 'main.old.log']);
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('line 39');
    expect(readFileSync(join(dir, 'main.log')).length).toBeLessThan(400);
  });
});
