/**
 * Fake `session` and `net`. `fetch` makes real HTTP(S) requests (undici) and imitates the parts
 * of Chromium the app relies on: the certificate verify proc decides about every TLS
 * connection (0 accept, -2 reject, -3 Chromium's own verdict) and its verdict is cached per
 * session for that host and certificate, as the network service does (electron.d.ts,
 * `setCertificateVerifyProc`: "The result of this procedure is cached by the network service" —
 * closing connections does not clear it); Chromium's error code follows its priority (an
 * unknown authority is reported ahead of a wrong name or date); repeated response headers arrive
 * joined with ", "; the body streams; and `redirect` behaves as in Electron's net.fetch
 * (lib/browser/api/net-fetch.ts → ClientRequest): 'follow' follows, 'error' and 'manual' reject
 * without any request to the new location.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { netRequest, resetNetRequests } from './net-request';
import {
  checkServerIdentity,
  type DetailedPeerCertificate,
  type PeerCertificate,
  TLSSocket,
} from 'node:tls';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';

export interface FakeCertificate {
  data: string;
  fingerprint: string;
  issuerName: string;
  subjectName: string;
  serialNumber: string;
  validStart: number;
  validExpiry: number;
  issuer: { commonName: string };
  subject: { commonName: string };
  issuerCert?: FakeCertificate;
}

export interface FakeVerifyRequest {
  hostname: string;
  certificate: FakeCertificate;
  validatedCertificate: FakeCertificate;
  isIssuedByKnownRoot: boolean;
  verificationResult: string;
  errorCode: number;
}

export type VerifyProc = (request: FakeVerifyRequest, callback: (result: number) => void) => void;
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
  details: unknown,
) => boolean;
type HeadersListener = (
  details: { url: string; resourceType: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string[]> }) => void,
) => void;

function toPem(raw: Buffer): string {
  const base64 = raw
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trimEnd();
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
}

/** Electron's Certificate structure from Node's detailed peer certificate (chain included). */
function toElectronCertificate(
  peer: PeerCertificate | DetailedPeerCertificate,
  depth = 0,
): FakeCertificate {
  const raw = peer.raw;
  const issuerPeer = 'issuerCertificate' in peer ? peer.issuerCertificate : undefined;
  const selfSigned =
    !issuerPeer || issuerPeer === peer || issuerPeer.fingerprint256 === peer.fingerprint256;
  const commonName = (principal: unknown): string =>
    typeof principal === 'object' && principal !== null && 'CN' in principal
      ? String((principal as { CN: unknown }).CN)
      : '';
  return {
    data: toPem(raw),
    fingerprint: `sha256/${createHash('sha256').update(raw).digest('base64')}`,
    issuerName: commonName(peer.issuer),
    subjectName: commonName(peer.subject),
    serialNumber: peer.serialNumber,
    validStart: Date.parse(peer.valid_from) / 1000,
    validExpiry: Date.parse(peer.valid_to) / 1000,
    issuer: { commonName: commonName(peer.issuer) },
    subject: { commonName: commonName(peer.subject) },
    ...(selfSigned || depth > 8
      ? {}
      : { issuerCert: toElectronCertificate(issuerPeer, depth + 1) }),
  };
}

const NET_CODES: Record<string, string> = {
  ECONNREFUSED: 'ERR_CONNECTION_REFUSED',
  ECONNRESET: 'ERR_CONNECTION_RESET',
  ENOTFOUND: 'ERR_NAME_NOT_RESOLVED',
  EAI_AGAIN: 'ERR_NAME_NOT_RESOLVED',
  ETIMEDOUT: 'ERR_CONNECTION_TIMED_OUT',
  UND_ERR_SOCKET: 'ERR_CONNECTION_CLOSED',
};

/** Electron rejects with `Error: net::ERR_…` (no `fetch failed` wrapper); aborts stay AbortErrors. */
function toNetError(error: unknown): unknown {
  if (error instanceof Error && error.name === 'AbortError') return error;
  const cause =
    error instanceof Error
      ? (error.cause as { message?: unknown; code?: unknown } | undefined)
      : undefined;
  if (typeof cause?.message === 'string' && cause.message.startsWith('net::'))
    return new Error(cause.message);
  const code = typeof cause?.code === 'string' ? cause.code : '';
  return new Error(`net::${NET_CODES[code] ?? 'ERR_FAILED'}`);
}

export class FakeSession {
  /** Connections per host, as Chromium allows for HTTP/1.1. */
  static readonly connectionsPerHost = 6;
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  certificateVerifyProc: VerifyProc | null = null;
  headersListeners: HeadersListener[] = [];
  /** Every fetch: url and init as given (test inspection). */
  readonly fetchLog: Array<{ url: string; init: RequestInit | undefined }> = [];
  closedConnections = 0;
  /** Verdicts of the verify proc, by host and certificate (never cleared, as in Chromium). */
  private readonly verdicts = new Map<string, number>();
  readonly webRequest = {
    onHeadersReceived: (filterOrListener: unknown, maybeListener?: HeadersListener): void => {
      const listener = (
        typeof filterOrListener === 'function' ? filterOrListener : maybeListener
      ) as HeadersListener | undefined;
      this.headersListeners = listener ? [listener] : [];
    },
  };
  private agent: Agent | null = null;

  constructor(public readonly partition: string) {}

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
  setCertificateVerifyProc(proc: VerifyProc | null): void {
    this.certificateVerifyProc = proc;
  }
  closeAllConnections(): Promise<void> {
    this.closedConnections += 1;
    const agent = this.agent;
    this.agent = null;
    return agent ? agent.close() : Promise.resolve();
  }

  /** Test helper: what a response would carry after the onHeadersReceived listener. */
  applyHeadersListeners(
    url: string,
    responseHeaders: Record<string, string[]>,
    resourceType = 'mainFrame',
  ): Promise<Record<string, string[]> | undefined> {
    const listener = this.headersListeners[0];
    if (!listener) return Promise.resolve(responseHeaders);
    return new Promise((resolve) =>
      listener({ url, resourceType, responseHeaders }, (response) =>
        resolve(response.responseHeaders),
      ),
    );
  }

  async fetch(input: string | URL, init?: RequestInit): Promise<Response> {
    this.fetchLog.push({ url: String(input), init });
    const redirect = init?.redirect ?? 'follow';
    let response: Awaited<ReturnType<typeof undiciFetch>>;
    try {
      response = await undiciFetch(String(input), {
        ...(init as Record<string, unknown>),
        // undici's 'manual' hands the 3xx back; Electron's ClientRequest then rejects.
        redirect: redirect === 'follow' ? 'follow' : 'manual',
        dispatcher: this.dispatcher(),
      } as Parameters<typeof undiciFetch>[1]);
    } catch (error) {
      throw toNetError(error);
    }
    if (redirect !== 'follow' && response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      throw new Error(
        redirect === 'error'
          ? "Attempted to redirect, but redirect policy was 'error'"
          : 'Redirect was cancelled',
      );
    }
    // Electron's net.fetch joins repeated headers (Set-Cookie too) with ", ".
    const headers = new Headers();
    const grouped = new Map<string, string[]>();
    response.headers.forEach((value, name) => {
      if (name === 'set-cookie') return;
      grouped.set(name, [...(grouped.get(name) ?? []), value]);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) grouped.set('set-cookie', cookies);
    for (const [name, values] of grouped) headers.set(name, values.join(', '));
    const nullBody = [101, 204, 205, 304].includes(response.status) || init?.method === 'HEAD';
    if (nullBody) await response.body?.cancel();
    return new Response(nullBody ? null : (response.body as ReadableStream<Uint8Array> | null), {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  }

  private dispatcher(): Agent {
    if (this.agent) return this.agent;
    // No session resumption: a resumed TLS session shows no certificate to verify.
    const connect = buildConnector({ rejectUnauthorized: false, maxCachedSessions: 0 });
    this.agent = new Agent({
      // Chromium's limit per host for HTTP/1.1 (client_socket_pool_manager.cc): a 7th request
      // to the same host waits for one of the 6 connections, as in Electron's net.fetch.
      connections: FakeSession.connectionsPerHost,
      connect: (options, callback) => {
        connect(options, (error, socket) => {
          if (error || !(socket instanceof TLSSocket)) {
            if (error) callback(error, null);
            else callback(null, socket);
            return;
          }
          this.verifyPeer(options.hostname, socket, (accepted, reason) => {
            if (accepted) {
              callback(null, socket);
              return;
            }
            socket.destroy();
            callback(new Error(`net::${reason}`), null);
          });
        });
      },
    });
    return this.agent;
  }

  /** Chromium's verdict first, then the verify proc's decision on it. */
  private verifyPeer(
    hostname: string,
    socket: TLSSocket,
    done: (accepted: boolean, reason: string) => void,
  ): void {
    const peer = socket.getPeerCertificate(true);
    if (!peer.raw) {
      done(false, 'ERR_CERT_INVALID');
      return;
    }
    const leafPem = toPem(peer.raw);
    const identityError = checkServerIdentity(
      hostname,
      new X509Certificate(leafPem).toLegacyObject(),
    );
    const chainOk = socket.authorized;
    const dateInvalid = ['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'].includes(
      String(socket.authorizationError ?? ''),
    );
    // Chromium's priority: authority, then name, then date (MapCertStatusToNetError).
    const [errorCode, verificationResult] =
      !chainOk && !dateInvalid
        ? [-202, 'net::ERR_CERT_AUTHORITY_INVALID']
        : identityError
          ? [-200, 'net::ERR_CERT_COMMON_NAME_INVALID']
          : dateInvalid
            ? [-201, 'net::ERR_CERT_DATE_INVALID']
            : [0, 'net::OK'];
    const reason = verificationResult.replace('net::', '');
    const certificate = toElectronCertificate(peer);
    // The network service remembers a verdict, with or without a verify proc, across proc swaps.
    const cacheKey = `${hostname} ${certificate.fingerprint}`;
    const decide = (result: number): void => {
      this.verdicts.set(cacheKey, result);
      if (result === 0) done(true, 'OK');
      else if (result === -3) done(errorCode === 0, reason);
      else done(false, 'ERR_CERT_INVALID');
    };
    const cached = this.verdicts.get(cacheKey);
    if (cached !== undefined) return decide(cached);
    const proc = this.certificateVerifyProc;
    if (!proc) return decide(-3);
    proc(
      {
        hostname,
        certificate,
        validatedCertificate: certificate,
        isIssuedByKnownRoot: chainOk,
        verificationResult,
        errorCode,
      },
      decide,
    );
  }
}

const partitions = new Map<string, FakeSession>();

export const session = {
  /** Test helper: the partitions asked for so far. */
  partitions(): string[] {
    return [...partitions.keys()];
  },
  fromPartition(partition: string): FakeSession {
    let existing = partitions.get(partition);
    if (!existing) {
      existing = new FakeSession(partition);
      partitions.set(partition, existing);
    }
    return existing;
  },
  get defaultSession(): FakeSession {
    return session.fromPartition('');
  },
};

export const net = {
  request: netRequest,
  fetch: (input: string | URL, init?: RequestInit): Promise<Response> =>
    session.defaultSession.fetch(input, init),
  online: true,
  isOnline(): boolean {
    return net.online;
  },
};

/** Test helper: forget every session (closing their connection pools). */
export function resetSessions(): void {
  for (const existing of partitions.values()) void existing.closeAllConnections();
  partitions.clear();
  net.online = true;
  resetNetRequests();
}
