/**
 * The core's DiagnosticsPort in the app: versions of the app, Electron, Chromium, Node and the
 * OS; the newest files of the logs folder; a fresh doctor run (the CLI's doctor, src/cli/doctor,
 * so both give the same checklist) of the network steps — name resolution, TCP, TLS with the
 * configured CA or pin — against the configured gateway, whose sign-in steps the app's own
 * session stands for; and a save dialog for the zip.
 */
import { writeFile } from 'node:fs/promises';
import { arch, release, type } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../../shared/domain';
import { judgeGatewayAddress } from '../../shared/gateway-address-policy';
import { runDoctorPlan } from '../../cli/doctor/doctor-plan';
import { normaliseBaseUrl } from '../gateway';
import { normalisePin } from '../gateway/transport/certificate-pin';
import type { DiagnosticsPort } from '../supervisor/ports';
import type { SaveDialogLike } from './file-saver';
import { newestLogFiles } from '../diagnostics/log-files';

export interface DesktopDiagnosticsOptions {
  appVersion: string;
  logsFolder: string;
  dialog: SaveDialogLike;
  defaultFolder: () => string;
  /** Time limit of each network step of the doctor. */
  doctorStepMs?: number;
}

/** Versions for the bundle (Electron's fields exist only under Electron). */
export function collectVersions(appVersion: string): Record<string, string> {
  const versions = process.versions as Record<string, string | undefined>;
  return {
    app: appVersion,
    electron: versions.electron ?? 'not Electron',
    chrome: versions.chrome ?? 'not Electron',
    node: versions.node ?? '',
    os: `${type()} ${release()} (${process.platform}, ${arch()})`,
  };
}

/** The doctor's network steps against the configured gateway. */
export async function runAppDoctor(settings: Settings, stepMs = 10_000): Promise<unknown> {
  const gateway = settings.gateway;
  if (gateway.url === '') return { skipped: 'no gateway configured (demo mode)' };
  const verdict = judgeGatewayAddress(gateway.url, gateway);
  if (!verdict.ok) return { skipped: `the gateway address is refused (${verdict.reason})` };
  const url = new URL(normaliseBaseUrl(gateway.url));
  const secure = url.protocol === 'https:';
  const steps = await runDoctorPlan(
    {
      settings: () => ({
        gatewayUrl: gateway.url,
        agentId: gateway.inspectorId,
        phoneNumber: gateway.phoneNumber || null,
        caPem: gateway.caPem,
        pinSha256: gateway.pinSha256 ? normalisePin(gateway.pinSha256) : null,
        forceLogin: false,
        insecureHttp: verdict.insecure,
        maxAnswerBytes: gateway.maxAnswerMiB * 1024 * 1024,
      }),
      output: { language: settings.language },
    },
    {
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port || (secure ? 443 : 80)),
      secure,
    },
    stepMs,
  );
  return {
    target: gateway.url,
    steps: steps.map(({ exitCode: _exitCode, ...step }) => step),
  };
}

export function createDesktopDiagnostics(options: DesktopDiagnosticsOptions): DiagnosticsPort {
  return {
    versions: () => collectVersions(options.appVersion),
    logFiles: async (limit) =>
      (await newestLogFiles(options.logsFolder, limit)).map((file) => ({
        name: file.name,
        content: file.text,
      })),
    doctor: (settings) => runAppDoctor(settings, options.doctorStepMs),
    async saveZip(suggestedName, bytes) {
      const answer = await options.dialog.showSaveDialog({
        title: 'Export diagnostics',
        defaultPath: join(options.defaultFolder(), suggestedName),
        filters: [{ name: 'Zip', extensions: ['zip'] }],
      });
      if (answer.canceled || !answer.filePath) return null;
      await writeFile(answer.filePath, bytes);
      return answer.filePath;
    },
  };
}
