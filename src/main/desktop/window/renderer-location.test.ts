import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppUrl, resolveRendererLocation } from './renderer-location';
import { isTrustedSender } from '../ipc/sender-check';

const mainDirectory = join('/app', 'out', 'main');
const indexPath = join('/app', 'out', 'renderer', 'index.html');

describe('renderer location', () => {
  it('uses the built page unless an unpackaged app runs against a loopback dev server', () => {
    expect(
      resolveRendererLocation({ isPackaged: false, devServerUrl: undefined, mainDirectory }),
    ).toEqual({
      kind: 'app',
      url: 'app://cc-inspector/index.html',
      root: join('/app', 'out', 'renderer'),
    });
    expect(
      resolveRendererLocation({
        isPackaged: false,
        devServerUrl: 'http://localhost:5173/',
        mainDirectory,
      }),
    ).toEqual({
      kind: 'dev-server',
      url: 'http://localhost:5173/',
    });
    // A packaged app ignores the variable; a remote address is never loaded.
    expect(
      resolveRendererLocation({
        isPackaged: true,
        devServerUrl: 'http://localhost:5173/',
        mainDirectory,
      }).kind,
    ).toBe('app');
    expect(
      resolveRendererLocation({
        isPackaged: false,
        devServerUrl: 'https://evil.example/',
        mainDirectory,
      }).kind,
    ).toBe('app');
    expect(
      resolveRendererLocation({ isPackaged: false, devServerUrl: 'not a url', mainDirectory }).kind,
    ).toBe('app');
  });

  // Issue 9: the page is app://cc-inspector/index.html; file:// is never our page.
  it('recognises our page only', () => {
    const file = {
      kind: 'app',
      url: 'app://cc-inspector/index.html',
      root: '/app/out/renderer',
    } as const;
    const page = 'app://cc-inspector/index.html';
    expect(isAppUrl(page, file)).toBe(true);
    expect(isAppUrl(`${page}#/queues?x=1`, file)).toBe(true);
    expect(isAppUrl('app://cc-inspector/other.html', file)).toBe(false);
    expect(isAppUrl('app://evil/index.html', file)).toBe(false);
    expect(isAppUrl('app://user@cc-inspector/index.html', file)).toBe(false);
    expect(isAppUrl(pathToFileURL(indexPath).href, file)).toBe(false);
    expect(isAppUrl('https://evil.example/index.html', file)).toBe(false);
    expect(isAppUrl('garbage', file)).toBe(false);
    const dev = { kind: 'dev-server', url: 'http://localhost:5173/' } as const;
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
  });

  // The Windows case of file:// paths (a lower-case drive letter) no longer arises: the page is
  // app://cc-inspector/index.html on every platform.
  it('recognises the page the same way on every platform', () => {
    const location = {
      kind: 'app',
      url: 'app://cc-inspector/index.html',
      root: 'c:\\app',
    } as const;
    expect(isAppUrl('app://cc-inspector/index.html', location)).toBe(true);
    expect(isAppUrl('app://cc-inspector/INDEX.html', location)).toBe(false);
    expect(
      isAppUrl(
        'file:///C:/Program%20Files/CC%20Inspector/resources/app.asar/out/renderer/index.html',
        location,
      ),
    ).toBe(false);
  });

  it('trusts only the top frame of our contents showing our page', () => {
    const location = {
      kind: 'app',
      url: 'app://cc-inspector/index.html',
      root: '/app/out/renderer',
    } as const;
    const contents = {};
    const top = { url: 'app://cc-inspector/index.html', parent: null };
    expect(isTrustedSender({ sender: contents, senderFrame: top }, contents, location)).toBe(true);
    expect(
      isTrustedSender(
        { sender: contents, senderFrame: { url: top.url, parent: top } },
        contents,
        location,
      ),
    ).toBe(false);
    expect(isTrustedSender({ sender: {}, senderFrame: top }, contents, location)).toBe(false);
    expect(isTrustedSender({ sender: contents, senderFrame: top }, null, location)).toBe(false);
    expect(isTrustedSender({ sender: contents, senderFrame: null }, contents, location)).toBe(
      false,
    );
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(isTrustedSender({ sender: contents, senderFrame: disposed }, contents, location)).toBe(
      false,
    );
  });
});
