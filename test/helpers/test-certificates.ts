/**
 * Throwaway certificates for TLS tests (ECDSA P-256 via WebCrypto, built with @peculiar/x509):
 * a CA, server certificates it issues (valid, expired, wrong host) and a self-signed one.
 * Everything is PEM plus the SHA-256 fingerprint of the DER, as a client pins it.
 */
import { X509Certificate as NodeX509Certificate, createHash, webcrypto } from 'node:crypto';
import type * as X509 from '@peculiar/x509';

type X509Module = typeof X509;
type KeyPair = Awaited<ReturnType<typeof webcrypto.subtle.generateKey>> & {
  privateKey: unknown;
  publicKey: unknown;
};

export interface TestCertificate {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the certificate DER, lowercase hex. */
  sha256: string;
}

export interface TestAuthority extends TestCertificate {
  /** Issues a server certificate signed by this CA. */
  issue(options?: IssueOptions): Promise<TestCertificate>;
}

export interface IssueOptions {
  /** DNS names and IP addresses in the subject alternative name. Default 127.0.0.1, ::1, localhost. */
  hosts?: readonly string[];
  notBefore?: Date;
  notAfter?: Date;
}

const DAY_MS = 86_400_000;
const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;
const LOOPBACK = ['127.0.0.1', '::1', 'localhost'] as const;

let x509Module: Promise<X509Module> | null = null;

/** Loads @peculiar/x509 once; tsyringe (one of its dependencies) needs reflect-metadata first. */
function loadX509(): Promise<X509Module> {
  if (x509Module === null) {
    x509Module = import('reflect-metadata')
      .then(() => import('@peculiar/x509'))
      .then((module) => {
        module.cryptoProvider.set(
          webcrypto as unknown as Parameters<typeof module.cryptoProvider.set>[0],
        );
        return module;
      });
  }
  return x509Module;
}

/** SHA-256 of a PEM certificate's DER (lowercase hex). */
export function fingerprintPem(certPem: string): string {
  return createHash('sha256').update(new NodeX509Certificate(certPem).raw).digest('hex');
}

async function generateKeys(): Promise<KeyPair> {
  return (await webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify'])) as KeyPair;
}

async function exportKeyPem(x509: X509Module, keys: KeyPair): Promise<string> {
  const der = await webcrypto.subtle.exportKey(
    'pkcs8',
    keys.privateKey as Parameters<typeof webcrypto.subtle.exportKey>[1],
  );
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

function serial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(10));
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return Buffer.from(bytes).toString('hex');
}

function sanEntries(hosts: readonly string[]): { type: 'ip' | 'dns'; value: string }[] {
  return hosts.map((host) => ({ type: /^[\d.]+$|:/.test(host) ? 'ip' : 'dns', value: host }));
}

/** A fresh CA that can issue server certificates. */
export async function createTestAuthority(
  commonName = 'CC Inspector Test CA',
): Promise<TestAuthority> {
  const x509 = await loadX509();
  const keys = await generateKeys();
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${commonName}`,
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + 30 * DAY_MS),
    signingAlgorithm: SIGNING_ALGORITHM,
    keys: keys as never,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as never),
    ],
  });
  const certPem = cert.toString('pem');
  return {
    certPem,
    keyPem: await exportKeyPem(x509, keys),
    sha256: fingerprintPem(certPem),
    issue: async (options: IssueOptions = {}) => {
      const leafKeys = await generateKeys();
      const leaf = await x509.X509CertificateGenerator.create({
        serialNumber: serial(),
        subject: 'CN=cc-gateway.test',
        issuer: cert.subject,
        notBefore: options.notBefore ?? new Date(now - DAY_MS),
        notAfter: options.notAfter ?? new Date(now + 30 * DAY_MS),
        signingAlgorithm: SIGNING_ALGORITHM,
        publicKey: leafKeys.publicKey as never,
        signingKey: keys.privateKey as never,
        extensions: [
          new x509.BasicConstraintsExtension(false, undefined, true),
          new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
          new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
          new x509.SubjectAlternativeNameExtension(sanEntries(options.hosts ?? LOOPBACK)),
          await x509.AuthorityKeyIdentifierExtension.create(keys.publicKey as never),
        ],
      });
      const leafPem = leaf.toString('pem');
      return {
        certPem: leafPem,
        keyPem: await exportKeyPem(x509, leafKeys),
        sha256: fingerprintPem(leafPem),
      };
    },
  };
}

/** A self-signed server certificate for the loopback names (no CA behind it). */
export async function createSelfSignedCertificate(
  hosts: readonly string[] = LOOPBACK,
): Promise<TestCertificate> {
  const x509 = await loadX509();
  const keys = await generateKeys();
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=self-signed.cc-gateway.test',
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + 30 * DAY_MS),
    signingAlgorithm: SIGNING_ALGORITHM,
    keys: keys as never,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(sanEntries(hosts)),
    ],
  });
  const certPem = cert.toString('pem');
  return { certPem, keyPem: await exportKeyPem(x509, keys), sha256: fingerprintPem(certPem) };
}
