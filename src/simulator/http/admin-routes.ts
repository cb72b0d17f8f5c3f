/**
 * Optional admin endpoint for out-of-process tests and the CLI: GET/PUT /__admin/faults,
 * POST /__admin/restart, POST /__admin/invalidate-guids, POST /__admin/answers (a scripted
 * retcode / HTTP status), POST /__admin/events ({workNo, event}: a raw event). It never goes through fault
 * injection (otherwise a stalled simulator could not be un-stalled).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from '../faults/fault-injector';
import { validateFaultPatch } from '../faults/fault-spec';
import { readJsonBody, writeJson, writeNotFound } from './http-io';

export const ADMIN_PREFIX = '/__admin/';

export interface AdminActions {
  faults: FaultInjector;
  restart(): void;
  invalidateGuids(): void;
  injectEvent(workNo: string, event: Record<string, unknown>): void;
}

/** Answer an admin request. */
export async function handleAdminRequest(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  actions: AdminActions,
): Promise<void> {
  const body = await readJsonBody(request);
  const route = `${request.method ?? 'GET'} ${pathname.slice(ADMIN_PREFIX.length)}`;
  switch (route) {
    case 'GET faults':
      return writeJson(response, 200, actions.faults.get());
    case 'PUT faults': {
      if (body.kind !== 'json')
        return writeJson(response, 400, { error: 'Send the fault settings as a JSON object.' });
      try {
        actions.faults.set(validateFaultPatch(body.value));
      } catch (error) {
        return writeJson(response, 400, {
          error: error instanceof Error ? error.message : 'Invalid fault settings.',
        });
      }
      return writeJson(response, 200, actions.faults.get());
    }
    case 'POST restart':
      actions.restart();
      return writeJson(response, 200, { ok: true });
    case 'POST invalidate-guids':
      actions.invalidateGuids();
      return writeJson(response, 200, { ok: true });
    case 'POST answers':
    case 'POST events':
      try {
        if (body.kind !== 'json') throw new Error('Send a JSON object.');
        if (route === 'POST answers') actions.faults.scripted.add(body.value as never);
        else {
          const { workNo, event } = body.value as { workNo?: unknown; event?: unknown };
          if (typeof workNo !== 'string' || typeof event !== 'object' || event === null)
            throw new Error('Send {"workNo": "…", "event": {…}}.');
          actions.injectEvent(workNo, event as Record<string, unknown>);
        }
      } catch (error) {
        return writeJson(response, 400, {
          error: error instanceof Error ? error.message : 'Invalid request.',
        });
      }
      return writeJson(response, 200, { ok: true });
    default:
      return writeNotFound(response);
  }
}
