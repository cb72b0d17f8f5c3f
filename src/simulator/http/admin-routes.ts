/**
 * Optional admin endpoint for out-of-process tests and the CLI: GET/PUT /__admin/faults,
 * POST /__admin/restart, POST /__admin/invalidate-guids, POST /__admin/answers (a scripted
 * retcode / HTTP status), POST /__admin/events ({workNo, event}: a raw event). It never goes through fault
 * injection (otherwise a stalled simulator could not be un-stalled).
 *
 * Every call needs `Authorization: Bearer <token>` — a random token the simulator prints in its
 * startup line — and every call that changes something a JSON content type. A web page the
 * tester happens to open can send neither cross-origin without a CORS preflight, which this
 * endpoint never grants, so it cannot stall or restart a simulator on the tester's machine.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from '../faults/fault-injector';
import { validateFaultPatch } from '../faults/fault-spec';
import { readJsonBody, writeJson, writeNotFound } from './http-io';

export const ADMIN_PREFIX = '/__admin/';

export interface AdminActions {
  /** The token every call must carry. */
  token: string;
  faults: FaultInjector;
  restart(): void;
  invalidateGuids(): void;
  injectEvent(workNo: string, event: Record<string, unknown>): void;
}

/** A fresh admin token: 192 random bits, URL-safe. */
export function createAdminToken(): string {
  return randomBytes(24).toString('base64url');
}

function carriesToken(request: IncomingMessage, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/.exec(request.headers.authorization ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1] as string);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const isJsonContentType = (request: IncomingMessage): boolean =>
  /^application\/json\s*(?:;|$)/i.test(request.headers['content-type'] ?? '');

/** Answer an admin request. */
export async function handleAdminRequest(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  actions: AdminActions,
): Promise<void> {
  if (!carriesToken(request, actions.token)) {
    request.resume();
    return writeJson(response, 401, {
      error: 'Send the admin token from the simulator startup line: Authorization: Bearer <token>.',
    });
  }
  if (request.method !== 'GET' && !isJsonContentType(request)) {
    request.resume();
    return writeJson(response, 415, { error: 'Send Content-Type: application/json.' });
  }
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
