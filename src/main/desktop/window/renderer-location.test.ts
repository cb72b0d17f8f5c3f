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
    ).toEqual({ kind: 'file', path: indexPath });
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
    ).toBe('file');
    expect(
      resolveRendererLocation({
        isPackaged: false,
        devServerUrl: 'https://evil.example/',
        mainDirectory,
      }).kind,
    ).toBe('file');
    expect(
      resolveRendererLocation({ isPackaged: false, devServerUrl: 'not a url', mainDirectory }).kind,
    ).toBe('file');
  });

  it('recognises our page only', () => {
    const file = { kind: 'file', path: indexPath } as const;
    const page = pathToFileURL(indexPath).href;
    expect(isAppUrl(page, file)).toBe(true);
    expect(isAppUrl(`${page}#/queues?x=1`, file)).toBe(true);
    expect(isAppUrl(pathToFileURL(join('/app', 'out', 'renderer', 'other.html')).href, file)).toBe(
      false,
    );
    expect(isAppUrl('https://evil.example/index.html', file)).toBe(false);
    expect(isAppUrl('garbage', file)).toBe(false);
    const dev = { kind: 'dev-server', url: 'http://localhost:5173/' } as const;
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
  });

  it('on Windows compares the page path without regard to case (Chromium upper-cases the drive)', () => {
    // Started as `c:\\…`, the app's location is lower-case; Chromium reports the loaded page
    // as file:///C:/… — a case-sensitive compare would refuse every IPC call.
    const file = {
      kind: 'file',
      path: 'c:\\Program Files\\CC Inspector\\resources\\app.asar\\out\\renderer\\index.html',
    } as const;
    const page =
      'file:///C:/Program%20Files/CC%20Inspector/resources/app.asar/out/renderer/index.html';
    expect(isAppUrl(page, file, 'win32')).toBe(true);
    expect(isAppUrl(`${page}#/queues`, file, 'win32')).toBe(true);
    expect(isAppUrl(page.replace('index.html', 'other.html'), file, 'win32')).toBe(false);
    expect(isAppUrl(page.replace('C:/', 'D:/'), file, 'win32')).toBe(false);
    const sender = { url: page, parent: null };
    expect(isTrustedSender({ sender: file, senderFrame: sender }, file, file, 'win32')).toBe(true);
    // POSIX file names are case-sensitive: there the compare stays exact.
    const posix = { kind: 'file', path: indexPath } as const;
    expect(isAppUrl(pathToFileURL(indexPath).href.toUpperCase(), posix, 'linux')).toBe(false);
  });

  it('trusts only the top frame of our contents showing our page', () => {
    const location = { kind: 'file', path: indexPath } as const;
    const contents = {};
    const top = { url: pathToFileURL(indexPath).href, parent: null };
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
