/**
 * Child process of the launch checks: loads the BUILT main bundle under the Electron fake in
 * one of two situations and prints one `LAUNCH-REPORT <json>` line.
 * - `debug-switch` (with ELECTRON_FAKE_PACKAGED=1 and --remote-debugging-port on the command
 *   line): the packaged app must exit at once, before any window, lock or handler exists;
 * - `configured` (a gateway configured, no --demo, no keychain): the app starts without demo
 *   mode, so the demo-only certificate generation must not have patched any global.
 *
 * Run: node --import ./test/boot/register-electron-stand-in.mjs test/boot/launch-child.ts <mode>
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as ElectronFake from '../support/fakes/electron';

type Fake = typeof ElectronFake;
const root = fileURLToPath(new URL('../..', import.meta.url));
const mode = process.argv.includes('configured') ? 'configured' : 'debug-switch';
const report: Record<string, unknown> = { mode };

async function settle(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

async function main(): Promise<void> {
  const fake = (await import('electron')) as unknown as Fake;
  await import('../support/fakes/electron-require');
  if (mode === 'configured') {
    const folder = fake.app.getPath('userData');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'settings.json'),
      JSON.stringify({
        schemaVersion: 2,
        demoMode: false,
        gateway: {
          url: 'https://gw.invalid:8043',
          inspectorId: '9001',
          phoneNumber: '70001',
          caPem: null,
          pinSha256: null,
          allowInsecureHttp: false,
          maxAnswerMiB: 8,
        },
      }),
    );
  }
  report.reflectMetadataBefore = typeof (Reflect as { getMetadata?: unknown }).getMetadata;
  await import(pathToFileURL(join(root, 'out/main/index.js')).href);
  await settle(mode === 'configured' ? 1_500 : 300);
  report.exitCode = fake.app.exitCode;
  report.windows = fake.BrowserWindow.created.length;
  report.singleInstanceLockRequested = fake.app.singleInstanceLockRequested;
  report.handlers = [...fake.ipcMain.handlers.keys()].filter((channel) =>
    channel.startsWith('inspector:'),
  ).length;
  report.privilegedSchemes = fake.protocol.privileged.map((entry) => entry.scheme);
  report.reflectMetadataAfter = typeof (Reflect as { getMetadata?: unknown }).getMetadata;
  report.loadedUrl = fake.BrowserWindow.created[0]?.webContents.getURL() ?? null;
  if (mode === 'configured') {
    const page = await fake.protocol.fetch('app://cc-inspector/index.html');
    report.page = {
      status: page.status,
      csp: page.headers.get('content-security-policy'),
      hasRoot: (await page.text()).includes('id="root"'),
    };
    report.escape = (await fake.protocol.fetch('app://cc-inspector/../main/index.js')).status;
    fake.app.quit();
  }
}

main()
  .then(() => {
    process.stdout.write(`LAUNCH-REPORT ${JSON.stringify(report)}\n`);
    process.exit(0);
  })
  .catch((error: unknown) => {
    report.failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stdout.write(`LAUNCH-REPORT ${JSON.stringify(report)}\n`);
    process.exit(0);
  });
