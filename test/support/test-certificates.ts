/**
 * Throwaway certificates for TLS tests (ECDSA P-256 via WebCrypto, built with @peculiar/x509):
 * authorities (a root, intermediates below it, unrelated roots), leaves they issue for chosen
 * names, validity and issuer (so also expired and wrong-host ones), and self-signed leaves.
 * Everything is PEM plus the SHA-256 fingerprint of the DER, as a client pins it.
 */
import { X509Certificate as NodeX509Certificate, createHash, webcrypto } from 'node:crypto';
import type * as X509 from '@peculiar/x509';

type X509Module = typeof X509;
type KeyPair = webcrypto.CryptoKeyPair;
type Certificate = X509.X509Certificate;

export interface TestCertificate {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the certificate DER, lowercase hex. */
  sha256: string;
  /** What a server sends: this certificate, then the intermediates up to (not with) the root. */
  chainPem: string;
}

export interface IssueOptions {
  /** DNS names and IP addresses in the subject alternative name. Default 127.0.0.1, ::1, localhost. */
  hosts?: readonly string[];
  /** Subject common name. Default: the first host. */
  commonName?: string;
  /** Default one day ago. */
  notBefore?: Date;
  /** Default 30 days ahead. */
  notAfter?: Date;
  /** Leave out the subject alternative name (the host only in the common name). */
  noSubjectAltName?: boolean;
  /** Extended key usage: server auth (default), client auth only, or none at all. */
  extendedKeyUsage?: 'server' | 'client' | 'none';
  /** Make the leaf a CA (basic constraints cA=true, may sign certificates). */
  leafIsCa?: boolean;
}

export interface TestAuthority extends TestCertificate {
  /** Issues a server certificate signed by this authority. */
  issue(options?: IssueOptions): Promise<TestCertificate>;
  /** An intermediate authority signed by this one. */
  createIntermediate(commonName?: string): Promise<TestAuthority>;
}

/** Who signs a leaf of a TestPki: one of its authorities, or the leaf itself. */
export type LeafIssuer = 'root' | 'intermediate' | 'other-root' | 'self';

/** A root, an intermediate below it and an unrelated root, for chain-building tests. */
export interface TestPki {
  root: TestAuthority;
  intermediate: TestAuthority;
  otherRoot: TestAuthority;
  rootPem: string;
  intermediatePem: string;
  otherRootPem: string;
  /** A leaf from the chosen issuer (default the root). */
  issue(options?: IssueOptions & { issuer?: LeafIssuer }): Promise<TestCertificate>;
}

const DAY_MS = 86_400_000;
const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;
const LOOPBACK = ['127.0.0.1', '::1', 'localhost'] as const;

let x509Module: Promise<X509Module> | null = null;

/** Loads @peculiar/x509 once; tsyringe (one of its dependencies) needs reflect-metadata first. */
function loadX509(): Promise<X509Module> {
  x509Module ??= import('reflect-metadata')
    .then(() => import('@peculiar/x509'))
    .then((module) => {
      module.cryptoProvider.set(
        webcrypto as unknown as Parameters<typeof module.cryptoProvider.set>[0],
      );
      return module;
    });
  return x509Module;
}

/** SHA-256 of a PEM certificate's DER (lowercase hex). */
function fingerprintPem(certPem: string): string {
  return createHash('sha256').update(new NodeX509Certificate(certPem).raw).digest('hex');
}

async function generateKeys(): Promise<KeyPair> {
  return (await webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify'])) as KeyPair;
}

async function exportKeyPem(x509: X509Module, keys: KeyPair): Promise<string> {
  return x509.PemConverter.encode(
    await webcrypto.subtle.exportKey('pkcs8', keys.privateKey),
    'PRIVATE KEY',
  );
}

/** Random positive serial (high bit clear). */
function serial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(10));
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return Buffer.from(bytes).toString('hex');
}

function sanEntries(hosts: readonly string[]): { type: 'ip' | 'dns'; value: string }[] {
  return hosts.map((host) => ({ type: /^[\d.]+$|:/.test(host) ? 'ip' : 'dns', value: host }));
}

function validity(options: IssueOptions): { notBefore: Date; notAfter: Date } {
  const now = Date.now();
  return {
    notBefore: options.notBefore ?? new Date(now - DAY_MS),
    notAfter: options.notAfter ?? new Date(now + 30 * DAY_MS),
  };
}

/**
 * Extensions of a server leaf. An issued one also names its key usage and the issuing CA's key;
 * a self-signed one has no key usage, so it can stand as its own trust anchor.
 */
async function leafExtensions(
  x509: X509Module,
  hosts: readonly string[],
  signer: KeyPair | null,
  options: IssueOptions = {},
): Promise<X509.Extension[]> {
  const usage = options.extendedKeyUsage ?? 'server';
  const extensions: X509.Extension[] = [
    new x509.BasicConstraintsExtension(options.leafIsCa === true, undefined, true),
  ];
  if (usage !== 'none')
    extensions.push(
      new x509.ExtendedKeyUsageExtension([
        usage === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth,
      ]),
    );
  if (options.noSubjectAltName !== true)
    extensions.push(new x509.SubjectAlternativeNameExtension(sanEntries(hosts)));
  if (signer) {
    extensions.push(
      new x509.KeyUsagesExtension(
        options.leafIsCa === true
          ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyCertSign
          : x509.KeyUsageFlags.digitalSignature,
        true,
      ),
      await x509.AuthorityKeyIdentifierExtension.create(signer.publicKey),
    );
  }
  return extensions;
}

async function describeCertificate(
  x509: X509Module,
  certificate: Certificate,
  keys: KeyPair,
  chainAbove: string,
): Promise<TestCertificate> {
  const certPem = certificate.toString('pem');
  return {
    certPem,
    keyPem: await exportKeyPem(x509, keys),
    sha256: fingerprintPem(certPem),
    chainPem: chainAbove === '' ? certPem : `${certPem}\n${chainAbove}`,
  };
}

interface Parent {
  certificate: Certificate;
  keys: KeyPair;
  /** Intermediates a server sends above a certificate this parent signs ('' for a root). */
  chain: string;
}

async function createAuthority(commonName: string, parent: Parent | null): Promise<TestAuthority> {
  const x509 = await loadX509();
  const keys = await generateKeys();
  const extensions: X509.Extension[] = [
    // A root may have one intermediate below it; an intermediate signs leaves only.
    new x509.BasicConstraintsExtension(true, parent ? 0 : 1, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (parent)
    extensions.push(await x509.AuthorityKeyIdentifierExtension.create(parent.keys.publicKey));
  const base = {
    serialNumber: serial(),
    ...validity({}),
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions,
  };
  const certificate = parent
    ? await x509.X509CertificateGenerator.create({
        ...base,
        subject: `CN=${commonName}`,
        issuer: parent.certificate.subject,
        publicKey: keys.publicKey,
        signingKey: parent.keys.privateKey,
      })
    : await x509.X509CertificateGenerator.createSelfSigned({
        ...base,
        name: `CN=${commonName}`,
        keys,
      });
  const described = await describeCertificate(x509, certificate, keys, parent?.chain ?? '');
  const self: Parent = { certificate, keys, chain: parent ? described.chainPem : '' };
  return {
    ...described,
    async issue(options: IssueOptions = {}) {
      const hosts = options.hosts ?? LOOPBACK;
      const leafKeys = await generateKeys();
      const leaf = await x509.X509CertificateGenerator.create({
        serialNumber: serial(),
        subject: `CN=${options.commonName ?? hosts[0] ?? 'cc-gateway.test'}`,
        issuer: certificate.subject,
        ...validity(options),
        signingAlgorithm: SIGNING_ALGORITHM,
        publicKey: leafKeys.publicKey,
        signingKey: keys.privateKey,
        extensions: await leafExtensions(x509, hosts, keys, options),
      });
      return describeCertificate(x509, leaf, leafKeys, self.chain);
    },
    createIntermediate: (name = `${commonName} Intermediate`) => createAuthority(name, self),
  };
}

/** A fresh root CA that can issue server certificates and intermediates. */
export function createTestAuthority(commonName = 'CC Inspector Test CA'): Promise<TestAuthority> {
  return createAuthority(commonName, null);
}

/** A self-signed server certificate (no CA behind it), for the loopback names by default. */
export async function createSelfSignedCertificate(
  options: IssueOptions = {},
): Promise<TestCertificate> {
  const x509 = await loadX509();
  const hosts = options.hosts ?? LOOPBACK;
  const keys = await generateKeys();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${options.commonName ?? 'self-signed.cc-gateway.test'}`,
    ...validity(options),
    signingAlgorithm: SIGNING_ALGORITHM,
    keys,
    extensions: await leafExtensions(x509, hosts, null, options),
  });
  return describeCertificate(x509, certificate, keys, '');
}

/** A fresh root, an intermediate below it and an unrelated root. */
export async function createTestPki(): Promise<TestPki> {
  const [root, otherRoot] = await Promise.all([
    createTestAuthority('Test Root CA'),
    createTestAuthority('Unrelated Root CA'),
  ]);
  const intermediate = await root.createIntermediate('Test Intermediate CA');
  const authorities = { root, intermediate, 'other-root': otherRoot } as const;
  return {
    root,
    intermediate,
    otherRoot,
    rootPem: root.certPem,
    intermediatePem: intermediate.certPem,
    otherRootPem: otherRoot.certPem,
    issue: ({ issuer = 'root', ...options } = {}) =>
      issuer === 'self' ? createSelfSignedCertificate(options) : authorities[issuer].issue(options),
  };
}
