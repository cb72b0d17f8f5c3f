/**
 * Starts the simulator: the HTTP(S) server, the request pipeline, the optional admin routes,
 * the one timer that drives the center (autoRun) and the control objects.
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { GATEWAY_BASE_PATH, type InterfaceName } from '../../shared/gateway-protocol/gateway-paths';
import { ADMIN_PREFIX, createAdminToken, handleAdminRequest } from './admin-routes';
import type { CenterAgent } from '../center/center-types';
import {
  describeSuppliedTls,
  generateSimulatorTls,
  type SimulatorTlsMaterial,
} from '../certificates';
import { FaultInjector } from '../faults/fault-injector';
import { GatewayState, resolveOptions } from '../gateway-model/gateway-state';
import { writeNotFound } from './http-io';
import { releaseInspectionsOnChange } from '../gateway-model/inspection-cleanup';
import { RequestPipeline } from './request-pipeline';
import type { RouteHandler } from './route-types';
import { AGENT_ROUTES } from './routes-agents';
import { COACHING_ROUTES } from './routes-coaching';
import { EVENT_ROUTES } from './routes-events';
import { QUALITY_CONTROL_ROUTES } from './routes-quality-control';
import { QUEUE_ROUTES } from './routes-queues';
import { SESSION_ROUTES } from './routes-session';
import { SKILL_ROUTES } from './routes-skills';
import {
  invalidateAllGuids,
  restartGateway,
  sweepSessions,
} from '../gateway-model/session-lifecycle';
import { createCenterControl } from '../simulator-control';
import type { RunningSimulator, SimulatorAccount, SimulatorOptions } from '../simulator-types';

/** Real-time step of the autoRun timer. */
const TICK_MS = 100;

const ROUTE_HANDLERS = {
  ...SESSION_ROUTES,
  ...SKILL_ROUTES,
  ...EVENT_ROUTES,
  ...QUALITY_CONTROL_ROUTES,
  ...AGENT_ROUTES,
  ...QUEUE_ROUTES,
  ...COACHING_ROUTES,
} satisfies Record<InterfaceName, RouteHandler>;

function listenOn(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function formatOrigin(protocol: string, host: string, port: number): string {
  return `${protocol}://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Start a simulated CC-Gateway; resolves once it listens. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const resolved = resolveOptions(options);
  const state = new GatewayState(resolved);
  const faults = new FaultInjector(resolved.seed, options.faults ?? {});
  state.center.onChange((change) => {
    state.dispatcher.handleChange(change);
    releaseInspectionsOnChange(state, change);
  });
  const secure = resolved.protocol === 'https';
  let tls: SimulatorTlsMaterial | null = null;
  if (secure) tls = options.tls ? describeSuppliedTls(options.tls) : await generateSimulatorTls();
  const pipeline = new RequestPipeline(state, faults, ROUTE_HANDLERS, secure);
  const adminToken = resolved.adminEndpoint ? createAdminToken() : null;
  const restart = (): void => restartGateway(state);
  const invalidateGuids = (): void => invalidateAllGuids(state);
  const injectEvent = (workNo: string, event: Record<string, unknown>): void => {
    if (!state.dispatcher.sendRaw(workNo, event))
      throw new Error(`Agent '${workNo}' has no live session to send an event to.`);
  };

  const onRequest = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://simulator.invalid');
    let work: Promise<void>;
    if (url.pathname.startsWith(GATEWAY_BASE_PATH)) work = pipeline.handle(request, response, url);
    else if (adminToken !== null && url.pathname.startsWith(ADMIN_PREFIX)) {
      work = handleAdminRequest(request, response, url.pathname, {
        token: adminToken,
        faults,
        restart,
        invalidateGuids,
        injectEvent,
      });
    } else {
      request.resume();
      writeNotFound(response);
      return;
    }
    work.catch((error: unknown) => {
      // A bug in a handler must not take the server down; answer 500 without details.
      resolved.log?.(`internal error: ${error instanceof Error ? error.message : 'unknown'}`);
      if (!response.headersSent && !response.destroyed) {
        response.writeHead(500, { 'Content-Type': 'text/plain' });
        response.end('internal simulator error');
      }
    });
  };
  const server: Server =
    secure && tls
      ? createHttpsServer({ cert: tls.certPem, key: tls.keyPem }, onRequest)
      : createHttpServer(onRequest);
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const address = await listenOn(server, resolved.host, resolved.port);
  const origin = formatOrigin(resolved.protocol, resolved.host, address.port);

  const ticker = resolved.autoRun
    ? setInterval(() => {
        state.center.catchUp();
        sweepSessions(state);
      }, TICK_MS)
    : null;
  ticker?.unref();

  const describeAccount = (agent: CenterAgent): SimulatorAccount => ({
    agentId: agent.workNo,
    password: agent.password,
    phoneNumber: agent.phoneNumber,
    name: agent.name,
  });

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      state.closed = true;
      if (ticker) clearInterval(ticker);
      for (const hook of [...state.closeHooks]) hook();
      pipeline.dropParked();
      server.close(() => resolve());
      // Let woken polls flush their answers, then cut whatever is left (keep-alive sockets).
      setImmediate(() => {
        for (const socket of sockets) socket.destroy();
      });
    });
    return closing;
  };

  return {
    baseUrl: `${origin}${GATEWAY_BASE_PATH}`,
    origin,
    caPem: tls?.caPem ?? null,
    certSha256: tls?.certSha256 ?? '',
    adminToken,
    inspectors: state.center.agents.filter((agent) => agent.isInspector).map(describeAccount),
    agents: state.center.agents.filter((agent) => !agent.isInspector).map(describeAccount),
    center: createCenterControl(state),
    faults: {
      set: (patch) => faults.set(patch),
      get: () => faults.get(),
      clear: () => faults.clear(),
      invalidateGuids,
      answer: (answer) => faults.scripted.add(answer),
      injectEvent,
    },
    restart,
    close,
  };
}
