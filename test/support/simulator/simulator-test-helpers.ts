/**
 * Test helpers for the simulator's own tests: a deliberately plain fetch wrapper (not the
 * project's gateway client, which must be checked *against* the simulator, not with it).
 */
import { startSimulator } from '../../../src/simulator/http/simulator-server';
import type {
  RunningSimulator,
  SimulatorAccount,
  SimulatorOptions,
} from '../../../src/simulator/simulator-types';
import { waitFor } from '../wait-for';

export interface GatewayAnswer {
  status: number;
  headers: Headers;
  /** Parsed JSON body (tests read fields loosely). */
  json: Record<string, unknown>;
}

export interface TestEvent {
  eventType: string;
  workNo: string;
  content: unknown;
  eventGenTime?: string;
}

/** Start a fast, deterministic plain-HTTP simulator for tests. */
export function startTestSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({
    protocol: 'http',
    autoRun: false,
    pollHoldMs: 25,
    agents: 40,
    ...options,
  });
}

/** Send one request to the simulator and parse the JSON answer. */
export async function callGateway(
  sim: RunningSimulator,
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  path: string,
  options: { guid?: string; body?: unknown } = {},
): Promise<GatewayAnswer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=UTF-8' };
  if (options.guid !== undefined) headers.Guid = options.guid;
  const response = await fetch(`${sim.baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: JSON.parse(text) as Record<string, unknown>,
  };
}

/** The GUID from a `Set-GUID: JSESSIONID=<guid>` header, or null. */
export function readSetGuid(headers: Headers): string | null {
  const value = headers.get('set-guid');
  return value ? value.replace(/^JSESSIONID=/, '') : null;
}

/** Sign in (or force sign in) and return the GUID; throws when the gateway refuses. */
export async function signInAs(
  sim: RunningSimulator,
  account: SimulatorAccount,
  options: { force?: boolean; status?: number } = {},
): Promise<string> {
  const path = `onlineagent/${account.agentId}${options.force ? '/forcelogin' : ''}`;
  const body: Record<string, unknown> = {
    password: account.password,
    phonenum: account.phoneNumber,
  };
  if (options.status !== undefined) body.status = options.status;
  const answer = await callGateway(sim, 'PUT', path, { body });
  const guid = readSetGuid(answer.headers);
  if (answer.json.retcode !== '0' || !guid)
    throw new Error(`sign-in failed: ${String(answer.json.retcode)}`);
  return guid;
}

/** Poll once; returns the event or null when the poll came back empty. */
export async function pollOnce(
  sim: RunningSimulator,
  agentId: string,
  guid: string,
): Promise<TestEvent | null> {
  const answer = await callGateway(sim, 'GET', `agentevent/${agentId}`, { guid });
  if (answer.json.retcode !== '0') throw new Error(`poll failed: ${String(answer.json.retcode)}`);
  return (answer.json.event as TestEvent | undefined) ?? null;
}

/** Poll until an empty answer; returns the events in order. */
export async function drainEvents(
  sim: RunningSimulator,
  agentId: string,
  guid: string,
  limit = 200,
): Promise<TestEvent[]> {
  const events: TestEvent[] = [];
  for (let i = 0; i < limit; i += 1) {
    const event = await pollOnce(sim, agentId, guid);
    if (!event) return events;
    events.push(event);
  }
  throw new Error(`more than ${limit} events queued`);
}

/** Event types of a list, for compact assertions. */
export function listEventTypes(events: TestEvent[]): string[] {
  return events.map((event) => event.eventType);
}

/** Wait until the simulator has started processing `count` requests of an interface (by log name). */
export function waitForRequests(
  sim: RunningSimulator,
  logName: string,
  count: number,
): Promise<void> {
  return waitFor(() => (sim.center.stats().requestsByLogName[logName] ?? 0) >= count, {
    what: `${count} ${logName} request(s)`,
    timeoutMs: 2_000,
    intervalMs: 5,
  });
}
