/**
 * `diagnostics.export` in the core: gathers what only the core knows (the settings in force,
 * the policy, the connection and update state, the journal's tail, the secrets in use to scrub)
 * and what the DiagnosticsPort brings (versions, log files, a doctor run), builds the bundle
 * (src/main/diagnostics) and lets the person save it. A doctor that hangs is cut off.
 */
import type { DiagnosticsExport, UpdateView } from '../../../shared/updates';
import type { Result } from '../../../shared/ipc/contract';
import { buildDiagnosticsBundle, LOG_FILES_IN_BUNDLE } from '../../diagnostics/diagnostics-bundle';
import { commandError, fail, ok } from '../command-errors';
import { errorMessage } from '../error-text';
import type { SupervisorRuntime } from '../supervisor-runtime';

const DOCTOR_TIME_LIMIT_MS = 30_000;

function withTimeLimit<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** Builds the bundle and asks where to save it. */
export async function exportDiagnostics(
  rt: SupervisorRuntime,
  updates: () => UpdateView,
  includeCallParties: boolean,
): Promise<Result<DiagnosticsExport>> {
  const port = rt.ports.diagnostics;
  if (!port)
    return fail(
      commandError(
        'internal',
        'Exporting diagnostics is not available here.',
        '此处无法导出诊断信息。',
      ),
    );
  const notes: string[] = [];
  const logFiles = await port.logFiles(LOG_FILES_IN_BUNDLE).catch((error: unknown) => {
    notes.push(`Log files could not be read: ${errorMessage(error)}`);
    return [];
  });
  const doctor = await withTimeLimit(port.doctor(rt.settings), DOCTOR_TIME_LIMIT_MS).catch(
    (error: unknown) => ({ failed: errorMessage(error) }),
  );
  const createdAt = new Date(rt.clock.now());
  const bundle = buildDiagnosticsBundle({
    createdAt,
    producer: 'app',
    versions: port.versions(),
    settings: rt.settings,
    policy: rt.policy,
    state: { connection: rt.session.connectionState(), updates: updates() },
    logFiles: logFiles.map((file) => ({
      name: file.name,
      text:
        typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content),
    })),
    doctor,
    journal: rt.journal.listNewest(200).reverse(),
    includeCallParties,
    knownSecrets: rt.session.knownSecrets,
    notes,
  });
  const stamp = createdAt.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const savedTo = await port.saveZip(`cc-inspector-diagnostics-${stamp}.zip`, bundle.bytes);
  if (savedTo) rt.logger.info('diagnostics exported', { files: bundle.files.length });
  return ok({ savedTo, files: bundle.files.length });
}
