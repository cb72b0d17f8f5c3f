/**
 * TLS material for the simulator: a throwaway CA and a server certificate for 127.0.0.1, ::1
 * and localhost (ECDSA P-256 via WebCrypto, signed with @peculiar/x509), and the SHA-256
 * fingerprint a client can pin.
 */
import { X509Certificate as NodeX509Certificate, createHash, webcrypto } from 'node:crypto';
import type * as X509Module from '@peculiar/x509';

export interface SimulatorTlsMaterial {
  certPem: string;
  keyPem: string;
  /** The CA a client should trust; for a supplied certificate without CA, the certificate itself. */
  caPem: string;
  /** SHA-256 of the server certificate DER, lowercase hex without colons. */
  certSha256: string;
}

const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

const subtle = webcrypto.subtle;

let x509Loading: Promise<typeof X509Module> | null = null;

/**
 * Loads @peculiar/x509 on first use. Its dependency tsyringe needs the Reflect metadata API
 * before it is evaluated, and a bundle hoists static imports, so both load here in order.
 */
function loadX509(): Promise<typeof X509Module> {
  x509Loading ??= import('reflect-metadata')
    .then(() => import('@peculiar/x509'))
    .then((module) => {
      module.cryptoProvider.set(webcrypto);
      return module;
    });
  return x509Loading;
}

/** SHA-256 fingerprint of a PEM certificate's DER bytes (lowercase hex, no colons). */
function fingerprintCertificate(certPem: string): string {
  const der = new NodeX509Certificate(certPem).raw;
  return createHash('sha256').update(der).digest('hex');
}

/** Export a private key as PKCS#8 PEM. */
async function exportPrivateKeyPem(x509: typeof X509Module, key: CryptoKey): Promise<string> {
  const der = await subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

async function generateKeyPair(): Promise<CryptoKeyPair> {
  return (await subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
}

/** Random hex serial with the high bit clear (serials must be positive). */
function generateSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(12));
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return Buffer.from(bytes).toString('hex');
}

/** Generate a fresh CA and a server certificate for the loopback names. */
export async function generateSimulatorTls(): Promise<SimulatorTlsMaterial> {
  const x509 = await loadX509();
  const now = Date.now();
  const notBefore = new Date(now - DAY_MS);
  const notAfter = new Date(now + 30 * DAY_MS);
  const caKeys = await generateKeyPair();
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: generateSerial(),
    name: 'CN=CC-Gateway Simulator Test CA, O=CC Inspector',
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const serverKeys = await generateKeyPair();
  const serverCert = await x509.X509CertificateGenerator.create({
    serialNumber: generateSerial(),
    subject: 'CN=127.0.0.1, O=CC-Gateway Simulator',
    issuer: caCert.subject,
    notBefore,
    notAfter,
    publicKey: serverKeys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: 'ip', value: '127.0.0.1' },
        { type: 'ip', value: '::1' },
        { type: 'dns', value: 'localhost' },
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const certPem = serverCert.toString('pem');
  return {
    certPem,
    keyPem: await exportPrivateKeyPem(x509, serverKeys.privateKey),
    caPem: caCert.toString('pem'),
    certSha256: fingerprintCertificate(certPem),
  };
}

/** Describe supplied TLS material (validating the certificate parses). */
export function describeSuppliedTls(tls: {
  certPem: string;
  keyPem: string;
  caPem?: string;
}): SimulatorTlsMaterial {
  return {
    certPem: tls.certPem,
    keyPem: tls.keyPem,
    caPem: tls.caPem ?? tls.certPem,
    certSha256: fingerprintCertificate(tls.certPem),
  };
}
