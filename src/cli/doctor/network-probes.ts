/**
 * The low-level checks of `doctor`, each on its own so a failure says exactly which layer is
 * broken: name resolution, a TCP connection, and the TLS handshake with what the server shows.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { connect as connectTcp, isIP } from 'node:net';
import {
  checkServerIdentity,
  connect as connectTls,
  rootCertificates,
  type DetailedPeerCertificate,
} from 'node:tls';

/** Every address the name resolves to (the system resolver, like the client uses). */
export async function resolveHost(hostname: string): Promise<string[]> {
  const answers = await lookup(hostname, { all: true });
  return answers.map((answer) => answer.address);
}

/** Opens and closes a TCP connection; rejects with the socket error or a timeout. */
export function connectToPort(address: string, port: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp({ host: address, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.end();
      resolve();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

export interface TlsFacts {
  /** The chain verifies against the system roots plus the given CA. */
  chainTrusted: boolean;
  chainError: string | null;
  /** The certificate names the host we connected to. */
  hostnameError: string | null;
  subject: string;
  issuer: string;
  validFrom: Date;
  validTo: Date;
  /** SHA-256 of the certificate's DER, lowercase hex. */
  fingerprintSha256: string;
  protocol: string | null;
  /** The chain as the server sent it, leaf first, as PEM (at most CHAIN_LIMIT links). */
  chainPem: string[];
}

/** Links of a presented chain kept: real chains have 2–4; a longer one is cut, not followed. */
const CHAIN_LIMIT = 10;

/**
 * Does a TLS handshake without rejecting anything, and reports what a strict client would
 * think: chain trust (system roots + `caPem`), hostname match, validity dates, fingerprint.
 */
export function inspectTls(options: {
  address: string;
  port: number;
  hostname: string;
  caPem: string | null;
  timeoutMs: number;
}): Promise<TlsFacts> {
  return new Promise((resolve, reject) => {
    const socket = connectTls({
      host: options.address,
      port: options.port,
      servername: isIP(options.hostname) === 0 ? options.hostname : undefined,
      ca: options.caPem ? [...rootCertificates, options.caPem] : undefined,
      rejectUnauthorized: false,
      // Hostname is checked separately below, so the chain verdict stays about the chain.
      checkServerIdentity: () => undefined,
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no TLS handshake within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      try {
        resolve(
          readTlsFacts(
            socket.getPeerCertificate(true),
            options.hostname,
            socket.authorized,
            socket.authorizationError,
            socket.getProtocol(),
          ),
        );
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      } finally {
        socket.end();
      }
    });
  });
}

function readTlsFacts(
  peer: DetailedPeerCertificate,
  hostname: string,
  authorized: boolean,
  authorizationError: Error | string | undefined,
  protocol: string | null,
): TlsFacts {
  if (!peer.raw) throw new Error('the server presented no certificate');
  const certificate = new X509Certificate(peer.raw);
  const hostnameError = checkServerIdentity(hostname, peer);
  return {
    chainTrusted: authorized,
    chainError: authorized ? null : String(authorizationError ?? 'untrusted'),
    hostnameError: hostnameError ? hostnameError.message : null,
    subject: certificate.subject.replace(/\n/g, ', '),
    issuer: certificate.issuer.replace(/\n/g, ', '),
    validFrom: new Date(certificate.validFrom),
    validTo: new Date(certificate.validTo),
    fingerprintSha256: createHash('sha256').update(peer.raw).digest('hex'),
    protocol,
    chainPem: presentedChain(peer),
  };
}

/** The presented chain, leaf first; Node links a self-issued root to itself, so stop there. */
function presentedChain(leaf: DetailedPeerCertificate): string[] {
  const chain: string[] = [];
  let current: DetailedPeerCertificate | undefined = leaf;
  const seen = new Set<string>();
  while (current?.raw && chain.length < CHAIN_LIMIT && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    chain.push(new X509Certificate(current.raw).toString());
    current = current.issuerCertificate;
  }
  return chain;
}
