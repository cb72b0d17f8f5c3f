/**
 * Child process of the `cold-start` figure: loads the BUILT main bundle (out/main/index.js)
 * under the Electron stand-in (as the boot test does), started in demo mode, and times from
 * the bundle's start (just before it is imported) to the first roster delta with agents sent
 * to the window. With `--empty`, it imports an empty module instead and times the stand-in's
 * own floor (the baseline). Prints one `COLD-START-REPORT <json>` line and exits.
 *
 * Run: node bench/lib/cold-start-launcher.mjs --demo (it compiles this file with tsx, scoped)
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as ElectronFake from '../../test/support/fakes/electron';

type Fake = typeof ElectronFake;

const root = fileURLToPath(new URL('../..', import.meta.url));
const TIMEOUT_MS = 60_000;

interface SentDelta {
  at: number;
  rows: number;
}

async function main(): Promise<Record<string, unknown>> {
  // The stand-in by its path (under cold-start-launcher.mjs `electron` is mapped to it only
  // for the bundle), and `require('electron')` answered by the same instance.
  const fake = (await import('../../test/support/fakes/electron')) as unknown as Fake;
  await import('../../test/support/fakes/electron-require');
  const native = globalThis as {
    __ccElectronFake?: unknown;
    __ccPrepareNativeImport?: () => void;
    __ccImportNative?: (url: string) => Promise<unknown>;
  };
  native.__ccElectronFake = fake;
  native.__ccPrepareNativeImport?.();
  const importBundle = native.__ccImportNative ?? ((url: string) => import(url));
  // Stamp every roster delta the moment main hands it to a window.
  const deltas: SentDelta[] = [];
  const proto = fake.FakeWebContents.prototype;
  const send = proto.send;
  proto.send = function stampedSend(this: ElectronFake.FakeWebContents, channel, ...args) {
    if (channel === 'inspector:evt:roster.delta') {
      const upserts = (args[0] as { upserts?: unknown[] } | undefined)?.upserts ?? [];
      deltas.push({ at: performance.now(), rows: upserts.length });
    }
    send.call(this, channel, ...args);
  };

  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  if (process.argv.includes('--empty')) {
    // The floor: the stand-in is loaded, an empty module is imported, a message is sent.
    const emptyModule: string = 'data:text/javascript,export default 0';
    await importBundle(emptyModule);
    const contents = new fake.FakeWebContents(fake.session.defaultSession);
    contents.send('inspector:evt:roster.delta', { upserts: [{}] });
  } else {
    await importBundle(pathToFileURL(join(root, 'out/main/index.js')).href);
  }
  const deadline = Date.now() + TIMEOUT_MS;
  let cpuMs = Number.NaN;
  while (!deltas.some((delta) => delta.rows > 0)) {
    if (Date.now() > deadline) throw new Error('no roster delta with agents reached the window');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const first = deltas.find((delta) => delta.rows > 0) as SentDelta;
  // CPU of the whole process (every thread) up to about then: steadier than the wall time on
  // a loaded machine.
  const used = process.cpuUsage(cpuAtStart);
  cpuMs = (used.user + used.system) / 1000;
  return {
    toFirstRowsMs: first.at - startedAt,
    cpuMs,
    rows: first.rows,
    // Since the process started: Node and the TypeScript loader of this harness come first.
    processToBundleMs: startedAt,
    deltasBefore: deltas.indexOf(first),
  };
}

main()
  .then((report) => {
    process.stdout.write(`COLD-START-REPORT ${JSON.stringify(report)}\n`);
    process.exit(0);
  })
  .catch((error: unknown) => {
    process.stdout.write(
      `COLD-START-REPORT ${JSON.stringify({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) })}\n`,
    );
    process.exit(1);
  });
