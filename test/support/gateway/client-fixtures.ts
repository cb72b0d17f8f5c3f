/**
 * Shared set-up for the client's real-HTTP tests: a stub gateway, a client on Node's
 * transport, and a signed-in session. Test-only.
 */
import { GatewayClient } from '../../../src/main/gateway/gateway-client';
import type { GatewayClientOptions, GatewayLogger } from '../../../src/main/gateway/gateway-types';
import {
  createNodeFetch,
  type NodeGatewayFetch,
} from '../../../src/main/gateway/transport/node-fetch';
import {
  okReply,
  startStubGateway,
  type RecordedRequest,
  type StubGateway,
  type StubHandler,
  type StubReply,
} from './stub-gateway-server';

export const INSPECTOR = '291';
export const FIRST_GUID = '7d3b1c2e-1111-2222-3333-444455556666.AgentGateway0';
export const PASSWORD = 'Pa55word!';

export interface ClientFixture {
  stub: StubGateway;
  client: GatewayClient;
  transport: NodeGatewayFetch;
  logs: { level: string; message: string; fields?: Record<string, unknown> }[];
  /** Requests after sign-in (the sign-in itself excluded). */
  requestsAfterSignIn(): RecordedRequest[];
  close(): Promise<void>;
}

/** A logger that keeps every line, to check what is (not) logged. */
function createRecordingLogger(logs: ClientFixture['logs']): GatewayLogger {
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    logs.push({ level, message, fields });
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** The successful sign-in answer with a GUID and an NSLB cookie. */
export function signInReply(guid = FIRST_GUID): StubReply {
  return okReply(
    {
      vdnid: 1,
      workno: INSPECTOR,
      mediatype: 'TFF',
      loginTime: '1471585949806',
      isForceChange: 'false',
      serverName: 'AgentGateway',
      timeRemaining: '9',
    },
    {
      'Set-GUID': `JSESSIONID=${guid}`,
      'Set-Cookie': ['NSLB_ROUTE=node0; Path=/; HttpOnly', 'lang=en'],
    },
  );
}

/** Answers sign-in with a GUID, everything else through `handler` (default: success). */
export function routeSignIn(handler: StubHandler = () => okReply()): StubHandler {
  return (request) =>
    request.method === 'PUT' && /\/onlineagent\/\d+(\/forcelogin)?$/.test(request.path)
      ? signInReply()
      : handler(request);
}

export async function createClientFixture(
  options: { handler?: StubHandler; signIn?: boolean; client?: Partial<GatewayClientOptions> } = {},
): Promise<ClientFixture> {
  const stub = await startStubGateway({ handler: routeSignIn(options.handler) });
  const transport = createNodeFetch();
  const logs: ClientFixture['logs'] = [];
  const client = new GatewayClient({
    baseUrl: stub.origin,
    agentId: INSPECTOR,
    fetch: transport,
    logger: createRecordingLogger(logs),
    requestTimeoutMs: 2_000,
    pollTimeoutMs: 2_000,
    ...options.client,
  });
  let signInCount = 0;
  if (options.signIn !== false) {
    await client.signIn({ password: PASSWORD, phoneNumber: '70001' });
    signInCount = stub.requests.length;
  }
  return {
    stub,
    client,
    transport,
    logs,
    requestsAfterSignIn: () => stub.requests.slice(signInCount),
    close: async () => {
      await transport.close();
      await stub.close();
    },
  };
}

/** Value of a header as received; throws when it appears more than once. */
export function singleHeader(request: RecordedRequest, name: string): string | undefined {
  const values: string[] = [];
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    if (request.rawHeaders[index]?.toLowerCase() === name.toLowerCase())
      values.push(request.rawHeaders[index + 1] ?? '');
  }
  if (values.length > 1) throw new Error(`header ${name} sent ${values.length} times`);
  return values[0];
}
