/**
 * Issue 9 / Electron security checklist item 18: the renderer is served from app://, not
 * file://. The handler gives exactly the built renderer's files, with the CSP, and nothing
 * above or beside them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { app, protocol, resetElectronFake } from '../../../../test/support/fakes/electron';
import { APP_PAGE_URL, registerAppScheme, resolveAppFile, serveAppProtocol } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './window-options';

describe('app:// protocol', () => {
  let base: string;
  let root: string;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'cc-app-protocol-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>CC Inspector</title>');
    writeFileSync(join(root, 'assets', 'index-1.js'), 'console.log(1)');
    writeFileSync(join(base, 'secret.txt'), 'not for the page');
    writeFileSync(join(root, 'notes.txt'), 'not a built type');
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  beforeEach(() => {
    resetElectronFake();
    serveAppProtocol(protocol, { root, contentSecurityPolicy: CONTENT_SECURITY_POLICY });
  });

  it('serves the page and its assets with their types, the CSP and nosniff', async () => {
    const page = await protocol.fetch(APP_PAGE_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('CC Inspector');
    const script = await protocol.fetch('app://cc-inspector/assets/index-1.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses anything outside the built renderer, another host, other types and methods', async () => {
    for (const url of [
      'app://cc-inspector/../secret.txt',
      'app://cc-inspector/%2e%2e/secret.txt',
      'app://cc-inspector/..%2fsecret.txt',
      'app://cc-inspector/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://cc-inspector/notes.txt',
      'app://cc-inspector/missing.js',
      'app://other-host/index.html',
      'app://cc-inspector/index.html%00.js',
    ]) {
      const answer = await protocol.fetch(url);
      expect(answer.status, url).toBe(404);
      expect(await answer.text()).not.toContain('not for the page');
    }
    expect((await protocol.fetch(APP_PAGE_URL, { method: 'POST', body: 'x' })).status).toBe(404);
    expect(resolveAppFile('file:///etc/passwd', root)).toBeNull();
  });

  it('registers app: as standard and secure before ready, and nothing more', () => {
    app.reset();
    registerAppScheme(protocol);
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});
