import '../../../test/support/fakes/electron-require';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REDACTED } from '../supervisor/redaction';
import { createFileLogger, LOG_MAX_BYTES } from './logger';

const GUID = '3f2b9c1e-7d4a-4e8b-9a61-0c5d2e7f8a90.AgentGateway2';

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
